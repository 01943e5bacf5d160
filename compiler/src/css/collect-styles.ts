import { CSS_FILE } from './css-compiler.js';

/** Each module's static imports, in source order. */
export type ImportGraph = Map<string, string[]>;

/**
 * For each root (a route file): the stylesheets its code imports, in the order a browser must
 * apply them. Follows static imports through the rsc graph, and at a client component on into
 * the client graph. A stylesheet comes after the stylesheets it depends on.
 */
export function collectStyles(roots: string[], graphs: { rsc: ImportGraph; client: ImportGraph }, clientFiles: Set<string>): Map<string, string[]> {
  const styles = new Map<string, string[]>();
  for (const root of roots) {
    const found: string[] = [];
    const seen = new Set<string>();
    const visit = (id: string, graph: ImportGraph) => {
      const key = (graph === graphs.client ? 'client:' : 'rsc:') + id;
      if (seen.has(key)) return;
      seen.add(key);
      const next = graph === graphs.rsc && clientFiles.has(id) ? graphs.client : graph;
      for (const imported of next.get(id) ?? []) visit(imported, next);
      if (CSS_FILE.test(id) && !found.includes(id)) found.push(id);
    };
    visit(root, graphs.rsc);
    styles.set(root, found);
  }
  return styles;
}

/** The import graph of a finished Rolldown build (call in `buildEnd`). */
export function importGraphOf(context: { getModuleIds(): IterableIterator<string> | string[]; getModuleInfo(id: string): { importedIds: readonly string[] } | null }): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const id of context.getModuleIds()) graph.set(id, [...(context.getModuleInfo(id)?.importedIds ?? [])]);
  return graph;
}
