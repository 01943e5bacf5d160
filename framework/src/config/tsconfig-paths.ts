import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { jsoncValue, parseJsonc } from './jsonc-tree.js';

interface CompilerOptions {
  baseUrl?: string;
  paths?: Record<string, string[]>;
}

/**
 * `compilerOptions.paths` of the app's tsconfig.json (or jsconfig.json, as JavaScript apps from
 * create-next-app have) as import aliases, for every file: Next.js applies them to `.js`, `.mdx`
 * and files outside tsconfig's `include` too, which Rolldown's own tsconfig support does not.
 * Only `prefix/*` → one `dir/*` patterns become aliases; anything else is left to Rolldown.
 *
 * @example
 * // tsconfig.json: { "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }
 * tsconfigPathAliases('/app'); // { '@': '/app/src' }
 */
export function tsconfigPathAliases(root: string): Record<string, string> {
  const file = ['tsconfig.json', 'jsconfig.json'].map((name) => resolve(root, name)).find((path) => existsSync(path));
  const options = file ? compilerOptions(file, new Set()) : null;
  if (!options?.paths) return {};
  const aliases: Record<string, string> = {};
  for (const [pattern, targets] of Object.entries(options.paths)) {
    const target = Array.isArray(targets) && targets.length === 1 ? targets[0] : undefined;
    if (!pattern.endsWith('/*') || typeof target !== 'string' || !target.endsWith('/*')) continue;
    const prefix = pattern.slice(0, -2);
    if (prefix === '' || prefix.includes('*') || target.slice(0, -2).includes('*')) continue;
    aliases[prefix] = resolve(options.baseUrl, target.slice(0, -2));
  }
  return aliases;
}

/** The file's compiler options over those it `extends` (relative paths only), with baseUrl made absolute. */
function compilerOptions(file: string, seen: Set<string>): (CompilerOptions & { baseUrl: string }) | null {
  if (seen.has(file)) return null;
  seen.add(file);
  let config: { extends?: unknown; compilerOptions?: CompilerOptions };
  try {
    config = jsoncValue(parseJsonc(readFileSync(file, 'utf8'), file)) as typeof config;
  } catch {
    return null; // an unreadable config is reported by the bundler, which reads it too
  }
  const parent = typeof config.extends === 'string' && config.extends.startsWith('.') ? compilerOptions(resolve(dirname(file), config.extends.endsWith('.json') ? config.extends : config.extends + '.json'), seen) : null;
  const own = config.compilerOptions ?? {};
  const baseUrl = own.baseUrl !== undefined ? resolve(dirname(file), own.baseUrl) : (parent?.baseUrl ?? dirname(file));
  // `paths` without a baseUrl are relative to the file that declares them.
  const pathsBase = own.paths ? (own.baseUrl !== undefined ? baseUrl : dirname(file)) : (parent?.baseUrl ?? baseUrl);
  return { baseUrl: pathsBase, ...((own.paths ?? parent?.paths) ? { paths: own.paths ?? parent!.paths } : {}) };
}
