import type { ModuleInfo, OutputChunk } from 'rolldown';
import type { ClientReference } from './plugins/client-references.js';

export interface ClientChunkGraph {
  /** URL of the browser entry. */
  entry: string;
  /** URLs the entry imports statically (loaded on every page). */
  entryImports: string[];
  /** For each client reference id: the URLs of its chunk and that chunk's static imports. */
  referenceChunks: Record<string, string[]>;
  /** The URL of the chunk each module ended up in (dev uses it to send Fast Refresh updates). */
  moduleChunks: Map<string, string>;
  /** Modules in the entry chunk: they cannot be re-executed on their own. */
  entryModules: Set<string>;
}

/**
 * Follows static imports from each root through the rsc module graph and collects the client
 * references met on the way. Client references are leaves: their code is not in the rsc graph.
 */
export function reachableClientReferences(
  roots: string[],
  getModuleInfo: (id: string) => ModuleInfo | null,
  references: Map<string, ClientReference>,
): Map<string, string[]> {
  const idByFile = new Map([...references.values()].map((reference) => [reference.file, reference.id]));
  const memo = new Map<string, Set<string>>();
  const visit = (file: string, seen: Set<string>, found: Set<string>): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const referenceId = idByFile.get(file);
    if (referenceId) {
      found.add(referenceId);
      return;
    }
    for (const imported of getModuleInfo(file)?.importedIds ?? []) visit(imported, seen, found);
  };
  for (const root of roots) {
    const found = new Set<string>();
    visit(root, new Set(), found);
    memo.set(root, found);
  }
  return new Map([...memo].map(([root, ids]) => [root, [...ids]]));
}

/**
 * Maps the client build's chunks to URLs: the entry, and what each client reference needs. A
 * reference in a pre-bundled module (Nexxo's own client components in dev) is that module's URL.
 */
export function clientChunkGraph(chunks: OutputChunk[], references: Map<string, ClientReference>, base: string, prebundled?: Map<string, string>): ClientChunkGraph {
  const byFileName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  // Imports of external modules (pre-bundled dependencies in dev) are already URLs.
  const url = (fileName: string) => (byFileName.has(fileName) ? base + fileName : fileName);
  const withStaticImports = (chunk: OutputChunk): string[] => {
    const files = new Set<string>();
    const walk = (fileName: string) => {
      if (files.has(fileName)) return;
      files.add(fileName);
      for (const imported of byFileName.get(fileName)?.imports ?? []) if (byFileName.has(imported) || imported.startsWith('/')) walk(imported);
    };
    walk(chunk.fileName);
    return [...files].map(url);
  };
  const entry = chunks.find((chunk) => chunk.isEntry && chunk.name === 'main');
  if (!entry) throw new Error('The client build produced no entry chunk.');
  const referenceChunks: Record<string, string[]> = {};
  for (const reference of references.values()) {
    const chunk = chunks.find((candidate) => candidate.moduleIds.includes(reference.file));
    if (chunk) referenceChunks[reference.id] = withStaticImports(chunk);
    else if (prebundled?.has(reference.file)) referenceChunks[reference.id] = [prebundled.get(reference.file)!];
  }
  const moduleChunks = new Map(chunks.flatMap((chunk) => chunk.moduleIds.map((id) => [id, url(chunk.fileName)] as const)));
  return { entry: url(entry.fileName), entryImports: withStaticImports(entry).slice(1), referenceChunks, moduleChunks, entryModules: new Set(entry.moduleIds) };
}
