import { locateInConfig, type CompiledConfig } from './locate-in-config.js';

/**
 * A mistake in the app's config or env files. The CLI prints its message without a stack (the
 * `NEXXO_` code marks it as the user's to fix); `problems` lists each one for tools and tests.
 */
export class NexxoConfigError extends Error {
  readonly code = 'NEXXO_CONFIG';
  readonly problems: string[];

  constructor(message: string, options: { cause?: unknown; problems?: string[] } = {}) {
    super(message, { cause: options.cause });
    this.name = 'NexxoConfigError';
    this.problems = options.problems ?? [message];
  }
}

/** A loaded config: the app root, the config file's name as shown, and its compiled copy. */
export interface ConfigSource {
  root: string;
  label: string;
  compiled: CompiledConfig | null;
}

/** Where user code ran, and what Nexxo was doing: `loading it`, `redirects()`. */
export interface ConfigCall extends ConfigSource {
  during: string;
}

/** Turns an exception from the user's config into an error that points at their source. */
export function errorThrownByConfig(error: unknown, call: ConfigCall): NexxoConfigError {
  const location = locateInConfig(error, call.root, call.compiled);
  const at = location ? ` at ${location.file}:${location.line}:${location.column}` : '';
  let original = error instanceof Error ? `${error.name}: ${error.message}` : `Thrown: ${String(error)}`;
  // Node names the compiled copy ("imported from …/node_modules/.cache/…"); the user knows the original.
  if (call.compiled) original = original.replaceAll(call.compiled.file, call.label);
  const code = (error as { code?: unknown } | null)?.code;
  const fix =
    code === 'ERR_MODULE_NOT_FOUND' || code === 'ERR_PACKAGE_PATH_NOT_EXPORTED'
      ? `Packages the config imports load from the app's node_modules: install the missing one, or fix the import in ${call.label}.`
      : `Fix the error in ${location?.file ?? call.label}; Nexxo needs the config before it can build or serve the app.`;
  const message = `${call.label}: ${call.during} threw an error${at}.\n${original}` + (location ? `\n\n${location.frame}` : '') + `\n\n${fix}`;
  return new NexxoConfigError(message, { cause: error });
}

/** Runs a function from the user's config, turning what it throws into an error at their source. */
export async function runConfigCode<T>(run: () => T | Promise<T>, call: ConfigCall): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw errorThrownByConfig(error, call);
  }
}
