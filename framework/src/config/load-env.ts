import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { NexxoConfigError } from './config-error.js';
import { expandEnv } from './expand-env.js';

export type EnvMode = 'development' | 'production' | 'test';

export { clientEnvDefines } from './env-defines.js';

/** The files for a mode, highest precedence first, as in Next.js. */
export function envFileNames(mode: EnvMode): string[] {
  // Tests should give the same results on every machine, so a developer's .env.local is left out.
  return [`.env.${mode}.local`, ...(mode === 'test' ? [] : ['.env.local']), `.env.${mode}`, '.env'];
}

// What earlier calls wrote into process.env: on a dev server restart those are the files' old
// values, not the real environment's, and must not win over the files' new ones.
const setByLoadEnv = new Map<string, string>();

/**
 * Loads `.env`, `.env.local`, `.env.[mode]` and `.env.[mode].local` from `root` into process.env.
 * The real environment wins over every file; among files the more specific wins. `$VAR` and
 * `${VAR}` are expanded. Returns the files read (absolute, highest precedence first) and every
 * `NEXXO_PUBLIC_*` / `NEXT_PUBLIC_*` variable, which builds inline into browser code.
 *
 * @example
 * const { files, publicEnv } = loadEnv(root, 'production');
 * const define = clientEnvDefines(publicEnv, config.env);
 */
export function loadEnv(root: string, mode: EnvMode): { files: string[]; publicEnv: Record<string, string> } {
  forgetPreviousLoad();
  const files: string[] = [];
  const fromFiles: Record<string, string> = {};
  for (const name of envFileNames(mode)) {
    const path = join(root, name);
    const content = readEnvFile(path);
    if (content === null) continue;
    files.push(path);
    for (const [key, value] of Object.entries(parseEnv(content))) {
      if (value !== undefined && !Object.hasOwn(fromFiles, key)) fromFiles[key] = value;
    }
  }
  for (const [key, value] of Object.entries(expandEnv(fromFiles, process.env))) {
    if (process.env[key] !== undefined) continue;
    process.env[key] = value;
    setByLoadEnv.set(key, value);
  }
  return { files, publicEnv: publicEnvOf(process.env) };
}

function forgetPreviousLoad(): void {
  for (const [key, value] of setByLoadEnv) {
    // A value changed since by someone else is theirs now; leave it.
    if (process.env[key] === value) delete process.env[key];
  }
  setByLoadEnv.clear();
}

function readEnvFile(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new NexxoConfigError(`Could not read ${path}: ${(error as Error).message}. Fix its permissions, or remove it if it is not an env file.`, { cause: error });
  }
}

const PUBLIC_PREFIX = /^(NEXXO|NEXT)_PUBLIC_/;

function publicEnvOf(environment: NodeJS.ProcessEnv): Record<string, string> {
  const names = Object.keys(environment).filter((name) => PUBLIC_PREFIX.test(name)).sort();
  return Object.fromEntries(names.map((name) => [name, environment[name]!]));
}
