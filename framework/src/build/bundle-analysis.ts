import type { BundleStats, ChunkStats } from '@nexxo/compiler';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { ServerRoots } from './build-app.js';
import type { BuildStats } from './route-sizes.js';

type EnvironmentName = keyof BundleStats;

export interface AnalyzedModule {
  /** Path relative to the app (or `package/path` inside a package), or the virtual module's id. */
  path: string;
  /** Rendered bytes in the chunk (after tree-shaking, before the chunk is minified). */
  size: number;
  /** `name@version` when the module belongs to an npm package (or a workspace package). */
  package?: string;
}

export interface AnalyzedChunk {
  file: string;
  isEntry: boolean;
  /** Bytes of the emitted file. */
  size: number;
  modules: AnalyzedModule[];
}

export interface DuplicatePackage {
  environment: EnvironmentName;
  name: string;
  /** Each copy: its version, where it was installed (relative to the app) and the chunks that include it. */
  copies: Array<{ version: string; path: string; size: number; chunks: string[] }>;
}

/** What `nexxo analyze` writes to `.nexxo/analyze/stats.json` and embeds in the treemap. */
export interface BundleAnalysis {
  version: 1;
  environments: Record<EnvironmentName, AnalyzedChunk[]>;
  /**
   * For each route, per bundle, the chunks it pulls in (file names relative to that bundle's output):
   * client, what a first visit loads; rsc and ssr, the entry chunks plus the chunks holding the
   * route's server modules (rsc) or the client components it renders (ssr), with their imports.
   */
  routes: Array<{ id: string; chunks: Record<EnvironmentName, string[]> }>;
  duplicates: DuplicatePackage[];
}

interface PackageInfo {
  name: string;
  version: string;
  dir: string;
}

/**
 * Joins Rolldown's chunk stats with the per-route first-load lists: module sizes per chunk, the
 * package each module comes from (its nearest package.json), and packages bundled more than once.
 */
export function analyzeBundles(root: string, bundles: BundleStats, routes: BuildStats['routes'], clientBase: string, serverRoots: ServerRoots = new Map()): BundleAnalysis {
  const packageOf = createPackageLookup(root);
  const duplicates: DuplicatePackage[] = [];
  const environments = {} as Record<EnvironmentName, AnalyzedChunk[]>;
  for (const environment of ['client', 'ssr', 'rsc'] as const) {
    const copies = new Map<string, Map<string, { info: PackageInfo; size: number; chunks: Set<string> }>>();
    environments[environment] = bundles[environment].map((chunk) => ({
      file: chunk.fileName,
      isEntry: chunk.isEntry,
      size: chunk.size,
      modules: Object.entries(chunk.modules)
        .filter(([, size]) => size > 0)
        .map(([id, size]) => {
          const info = id.startsWith('/') || /^[A-Za-z]:[\\/]/.test(id) ? packageOf(id) : null;
          if (!info) return { path: id.startsWith(root + sep) ? relative(root, id).split(sep).join('/') : id.replace(/\0/g, ''), size };
          const byDir = copies.get(info.name) ?? new Map();
          copies.set(info.name, byDir);
          const copy = byDir.get(info.dir) ?? { info, size: 0, chunks: new Set<string>() };
          byDir.set(info.dir, copy);
          copy.size += size;
          copy.chunks.add(chunk.fileName);
          return { path: `${info.name}/${relative(info.dir, id).split(sep).join('/')}`, size, package: `${info.name}@${info.version}` };
        })
        .sort((a, b) => b.size - a.size),
    }));
    for (const [name, byDir] of copies) {
      if (byDir.size < 2) continue;
      duplicates.push({
        environment,
        name,
        copies: [...byDir.values()].map((copy) => ({ version: copy.info.version, path: relative(root, copy.info.dir).split(sep).join('/'), size: copy.size, chunks: [...copy.chunks] })),
      });
    }
  }
  return {
    version: 1,
    environments,
    // Pages, then route handlers (which load no client JS).
    routes: [...new Set([...routes.map((route) => route.id), ...serverRoots.keys()])].map((id) => ({
      id,
      chunks: {
        client: routes.find((route) => route.id === id)?.firstLoad.files.map((url) => url.slice(clientBase.length)) ?? [],
        rsc: chunksPulledIn(bundles.rsc, serverRoots.get(id)?.rsc ?? []),
        ssr: chunksPulledIn(bundles.ssr, serverRoots.get(id)?.ssr ?? []),
      },
    })),
    duplicates,
  };
}

/** The entry chunks, the chunks that render any of `modules`, and everything those import statically. */
function chunksPulledIn(chunks: ChunkStats[], modules: string[]): string[] {
  const wanted = new Set(modules);
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const pulled = new Set<string>();
  const add = (fileName: string): void => {
    const chunk = byName.get(fileName);
    if (!chunk || pulled.has(fileName)) return;
    pulled.add(fileName);
    for (const imported of chunk.imports) add(imported);
  };
  for (const chunk of chunks) if (chunk.isEntry || Object.entries(chunk.modules).some(([id, size]) => size > 0 && wanted.has(id))) add(chunk.fileName);
  return [...pulled];
}

/** The package a file belongs to: its nearest package.json with a name, unless that is the app's own. */
function createPackageLookup(root: string): (file: string) => PackageInfo | null {
  const byDir = new Map<string, PackageInfo | null>();
  const lookup = (dir: string): PackageInfo | null => {
    const cached = byDir.get(dir);
    if (cached !== undefined) return cached;
    let found: PackageInfo | null = null;
    const manifest = join(dir, 'package.json');
    if (dir === root) found = null;
    else if (existsSync(manifest)) {
      const json = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
      // Nested package.json files without a name (e.g. `{ "type": "module" }` in dist/) belong to the package above.
      found = json.name ? { name: json.name, version: json.version ?? '0.0.0', dir } : dirname(dir) === dir ? null : lookup(dirname(dir));
    } else found = dirname(dir) === dir ? null : lookup(dirname(dir));
    byDir.set(dir, found);
    return found;
  };
  return (file) => lookup(dirname(file));
}
