/**
 * The one place Nexxo loads native engines. A missing or broken binary becomes one clear error
 * that names the package and the fix, instead of a stack trace from deep inside a loader.
 */
export type Rolldown = typeof import('rolldown');

let rolldown: Promise<Rolldown> | undefined;

export function loadRolldown(): Promise<Rolldown> {
  rolldown ??= import('rolldown').catch((cause: unknown) => {
    throw new NativeEngineError('rolldown', cause);
  });
  return rolldown;
}

export type ClassicLevelModule = typeof import('classic-level');

let classicLevel: Promise<ClassicLevelModule> | undefined;

/** The LevelDB binding behind Nexxo's persistent cache. */
export function loadClassicLevel(): Promise<ClassicLevelModule> {
  classicLevel ??= import('classic-level').catch((cause: unknown) => {
    throw new NativeEngineError('classic-level', cause);
  });
  return classicLevel;
}

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
