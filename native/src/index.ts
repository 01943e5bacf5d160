/**
 * The one place Nexxo loads native engines. A missing or broken binary becomes one clear error
 * that names the package and the fix, instead of a stack trace from deep inside a loader.
 */
export type Rolldown = typeof import('rolldown');
export type ClassicLevelModule = typeof import('classic-level');

/** Imports an engine once, on first use, turning a load failure into a NativeEngineError. */
function lazyEngine<T>(name: string, load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () =>
    (loaded ??= load().catch((cause: unknown) => {
      throw new NativeEngineError(name, cause);
    }));
}

/** The bundler. */
export const loadRolldown = lazyEngine('rolldown', () => import('rolldown'));
/**
 * Rolldown's built-in plugins (`rolldown/experimental`). They must come from the same copy as
 * `loadRolldown()`: Rolldown silently ignores built-in plugins made by another copy.
 */
export const loadRolldownExperimental = lazyEngine('rolldown', () => import('rolldown/experimental'));
/** The LevelDB binding behind Nexxo's persistent cache. */
export const loadClassicLevel = lazyEngine('classic-level', () => import('classic-level'));

export class NativeEngineError extends Error {
  readonly code = 'NEXXO_NATIVE_ENGINE_MISSING';
  constructor(engine: string, cause: unknown) {
    super(
      `Could not load the native engine "${engine}" for ${process.platform}-${process.arch} ` +
        `(Node ${process.version}).\n` +
        `Reason: ${cause instanceof Error ? cause.message : String(cause)}\n` +
        `Fix: reinstall dependencies so npm fetches the binary for this platform ` +
        `(rm -rf node_modules package-lock.json && npm install), and check that optional ` +
        `dependencies are not disabled (--omit=optional).`,
      { cause },
    );
    this.name = 'NativeEngineError';
  }
}
