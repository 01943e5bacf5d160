import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type ExportTarget = string | Record<string, string>;

const packageRoot = new URL('../../', import.meta.url);
const loaded = new Map<string, Promise<Set<string> | null>>();

/**
 * The names a `nexxo/*` module exports at run time, in server and client code together (both
 * `react-server` and default conditions), read from the built package; null for a module the
 * package does not have. `nexxo/font/*` are left out (null): the compiler resolves font calls itself.
 */
export function nexxoExportNames(module: string): Promise<Set<string> | null> {
  let names = loaded.get(module);
  if (!names) {
    names = load(module);
    loaded.set(module, names);
  }
  return names;
}

async function load(module: string): Promise<Set<string> | null> {
  if (module.startsWith('nexxo/font/')) return null;
  const exportsMap = (JSON.parse(readFileSync(new URL('package.json', packageRoot), 'utf8')) as { exports: Record<string, ExportTarget> }).exports;
  const target = exportsMap['./' + module.slice('nexxo/'.length)];
  if (!target) return null;
  const files = typeof target === 'string' ? [target] : [target['react-server'], target.default].filter((file): file is string => typeof file === 'string');
  const names = new Set<string>();
  for (const file of files) {
    try {
      for (const name of Object.keys(await import(fileURLToPath(new URL(file, packageRoot))))) names.add(name);
    } catch {
      return null; // cannot tell: do not report names as missing
    }
  }
  return names;
}
