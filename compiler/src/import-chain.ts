import { isAbsolute, relative, sep } from 'node:path';
import type { ModuleInfo } from 'rolldown';

/** Who imports a module (statically or with `import()`), as a build's graph knows it. */
export type ImportersOf = (id: string) => readonly string[];

/**
 * The shortest chain of imports from a start module (a route file, a "use client" module, an
 * entry) down to `target`, start first. Found by walking importers breadth-first from `target`, so
 * a diagnostic names the nearest boundary rather than one of many long ways round. When no start
 * is reachable the chain is just `[target]`.
 */
export function importChain(target: string, importersOf: ImportersOf, isStart: (id: string) => boolean): string[] {
  // Each visited module points at the module below it: the way back down to `target`.
  const below = new Map<string, string | null>([[target, null]]);
  const queue = [target];
  for (let next = 0; next < queue.length; next++) {
    const id = queue[next]!;
    if (isStart(id)) {
      const chain = [id];
      for (let step = below.get(id); step != null; step = below.get(step)) chain.push(step);
      return chain;
    }
    // Sorted, so that of two equally short chains the same one is reported on every build.
    for (const importer of [...importersOf(id)].sort()) {
      if (below.has(importer)) continue;
      below.set(importer, id);
      queue.push(importer);
    }
  }
  return [target];
}

/** Importers of a module in a Rolldown build, dynamic ones included (route files are loaded lazily). */
export function importersIn(getModuleInfo: (id: string) => ModuleInfo | null): ImportersOf {
  return (id) => {
    const info = getModuleInfo(id);
    return info ? [...info.importers, ...info.dynamicImporters] : [];
  };
}

/**
 * True where the framework hands over to the app: an entry, or an app file that a module outside
 * the app imports (the route table imports route files; the client reference table imports
 * "use client" modules). That is where a user reading a chain expects it to begin.
 */
export function entersApp(id: string, importersOf: ImportersOf, isEntry: (id: string) => boolean, isAppFile: (id: string) => boolean): boolean {
  return isEntry(id) || (isAppFile(id) && importersOf(id).some((importer) => !isAppFile(importer)));
}

/**
 * How a module is named to a user: relative to the app root, from `node_modules/` for a package
 * (wherever the workspace hoisted it), and a virtual module without its `\0` prefix.
 */
export function displayPath(root: string, id: string): string {
  if (id.startsWith('\0')) return id.slice(1);
  if (!isAbsolute(id)) return id;
  if (id.startsWith(root + sep)) return id.slice(root.length + 1).split(sep).join('/');
  const packageAt = id.lastIndexOf(`${sep}node_modules${sep}`);
  if (packageAt !== -1) return id.slice(packageAt + 1).split(sep).join('/');
  return relative(root, id).split(sep).join('/');
}

/**
 * One line per module, start first, each later one prefixed with an arrow:
 *
 *     app/components/profile.tsx ("use client")
 *     → app/lib/user.ts
 */
export function formatImportChain(chain: readonly string[], name: (id: string) => string, indent = '  '): string {
  return chain.map((id, index) => `${indent}${index === 0 ? '' : '→ '}${name(id)}`).join('\n');
}
