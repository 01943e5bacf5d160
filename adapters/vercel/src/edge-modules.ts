import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, posix, relative } from 'node:path';
import type { ManifestRoute } from '@nexxo/runtime';

/** Modules the Edge runtime provides that the server bundles may import. */
const EDGE_PROVIDED = new Set(['node:async_hooks']);

/**
 * Imports the server bundles keep external that the adapter bundles into the Edge function itself:
 * `nexxo/og` (@vercel/og's edge build, see og-edge.ts). They are scanned (the Node function needs
 * to know) but are no build error.
 */
export const EDGE_BUNDLED = new Set(['nexxo/og']);

export interface EdgeModuleUse {
  /** The import the Edge runtime cannot load (`node:fs`, a serverExternalPackages entry, `nexxo/og`). */
  module: string;
  /** The route file (`app/api/files/route.ts`) that reaches it, or null for the bundle's top level. */
  file: string | null;
  /** Routes that run that file. */
  routes: ManifestRoute[];
}

export interface ServerBundleScan {
  /** Every file of the bundle (relative to its folder) with the Edge-unsupported imports it names. */
  imports: Map<string, Array<{ module: string; names: string[] }>>;
  uses: EdgeModuleUse[];
}

const IMPORT = /^import\s*(?:([\w$]+)?\s*,?\s*(?:\{([^}]*)\}|\*\s*as\s+[\w$]+)?\s*from\s*)?"([^"]+)";?/gm;

/**
 * Finds the imports of a server bundle (rsc or ssr, as `nexxo build` writes it) that the Edge
 * runtime cannot provide, and which route files reach them through static imports, using the
 * route table the rsc entry carries (`files: { page: () => import("./chunks/…") }, paths: { page: "app/…" }`).
 */
export async function scanServerBundle(dir: string, routes: ManifestRoute[]): Promise<ServerBundleScan> {
  const files = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.js')).map((file) => file.split('\\').join('/'));
  const sources = new Map(await Promise.all(files.map(async (file) => [file, await readFile(join(dir, file), 'utf8')] as const)));
  const imports: ServerBundleScan['imports'] = new Map();
  const edges = new Map<string, string[]>();
  for (const [file, source] of sources) {
    const found: Array<{ module: string; names: string[] }> = [];
    const local: string[] = [];
    for (const match of source.matchAll(IMPORT)) {
      const specifier = match[3]!;
      if (specifier.startsWith('.')) local.push(posix.join(posix.dirname(file), specifier));
      else if (!EDGE_PROVIDED.has(specifier)) {
        const names = [...(match[1] ? ['default'] : []), ...(match[2] ?? '').split(',').map((part) => part.trim().split(/\s+as\s+/)[0]!).filter(Boolean)];
        found.push({ module: specifier, names });
      }
    }
    imports.set(file, found);
    edges.set(file, local);
  }

  const reached = new Map<string, Set<string>>();
  const reach = (file: string, seen = new Set<string>()): Set<string> => {
    const known = reached.get(file);
    if (known) return known;
    const result = new Set((imports.get(file) ?? []).map(({ module }) => module));
    seen.add(file);
    for (const next of edges.get(file) ?? []) if (!seen.has(next)) for (const module of reach(next, seen)) result.add(module);
    reached.set(file, result);
    return result;
  };

  const uses: EdgeModuleUse[] = [];
  for (const module of reach('index.js')) uses.push({ module, file: null, routes });
  for (const { chunk, file } of routeFileChunks(sources.get('index.js') ?? '')) {
    for (const module of reach(chunk)) uses.push({ module, file, routes: routesOfFile(file, routes) });
  }
  return { imports, uses };
}

/** `{ chunk, file }` for every route file the rsc entry loads lazily. */
function routeFileChunks(entry: string): Array<{ chunk: string; file: string }> {
  const result: Array<{ chunk: string; file: string }> = [];
  for (const block of entry.matchAll(/files:\s*\{([^}]*)\},\s*paths:\s*\{([^}]*)\}/g)) {
    const paths = new Map([...block[2]!.matchAll(/"([\w-]+)":\s*"([^"]+)"/g)].map((match) => [match[1]!, match[2]!]));
    for (const match of block[1]!.matchAll(/"([\w-]+)":\s*\(\)\s*=>\s*import\("\.\/([^"]+)"\)/g)) {
      const file = paths.get(match[1]!);
      if (file) result.push({ chunk: match[2]!, file });
    }
  }
  return result;
}

/** A page or route file runs its route; a layout (or any other segment file) every route below it. */
function routesOfFile(file: string, routes: ManifestRoute[]): ManifestRoute[] {
  const segments = dirname(file).split('/').slice(1).filter((segment) => !/^\(.*\)$/.test(segment) && !segment.startsWith('@'));
  const id = '/' + segments.join('/');
  if (/\/(page|route)\.[^/]+$/.test(file)) return routes.filter((route) => route.id === id);
  return routes.filter((route) => id === '/' || route.id === id || route.id.startsWith(id + '/'));
}

export interface RuntimePlan {
  /** Ids of the routes the Node.js function serves. */
  node: Set<string>;
  /** Routes without a `runtime` export that run on Node.js because of an import, for the build's output. */
  automatic: Array<{ routes: string[]; module: string; file: string | null }>;
  /** One build error for every route that asks for the Edge runtime but reaches a module it lacks. */
  error: Error | null;
}

/**
 * Where each route runs. `runtime = 'nodejs'`: the Node.js function. No `runtime` export: the Edge
 * function, unless the route reaches a module the Edge runtime lacks (`node:fs`, a
 * serverExternalPackages package), then the Node.js function. `runtime = 'edge'` with such a
 * module is the user's contradiction: a build error naming the route, the module and the fix.
 */
export function planRuntimes(uses: EdgeModuleUse[], routes: ManifestRoute[]): RuntimePlan {
  const node = new Set(routes.filter((route) => route.runtime === 'nodejs').map((route) => route.id));
  const automatic: RuntimePlan['automatic'] = [];
  const problems: string[] = [];
  for (const use of uses) {
    if (EDGE_BUNDLED.has(use.module)) continue;
    const where = use.file ?? "the app's server bundle";
    const unset = use.routes.filter((route) => route.runtime === undefined && !node.has(route.id));
    for (const route of unset) node.add(route.id);
    if (unset.length > 0) automatic.push({ routes: unset.map((route) => route.id), module: use.module, file: use.file });
    const edge = use.routes.filter((route) => route.runtime === 'edge');
    if (edge.length === 0) continue;
    problems.push(
      `  - ${edge.map((route) => route.id).join(', ')}: ${where} imports "${use.module}", which the Vercel Edge runtime does not provide.\n` +
        `    Fix: remove \`export const runtime = 'edge'\` from ${edge.length > 1 ? 'these routes' : 'the route'} (its page or route file, or a layout above it) to run ${edge.length > 1 ? 'them' : 'it'} in a Node.js function, or stop importing "${use.module}"${use.file ? ` in ${use.file}` : ''}.`,
    );
  }
  const error =
    problems.length === 0
      ? null
      : Object.assign(new Error(`${problems.length === 1 ? 'A route exports' : 'Routes export'} runtime = 'edge', but ${problems.length === 1 ? 'needs' : 'need'} Node.js:\n${problems.join('\n')}`), { code: 'NEXXO_VERCEL_EDGE_MODULE' });
  return { node, automatic, error };
}

/** Whether a route that runs on the Edge function reaches `module`. */
export function edgeRoutesUse(uses: EdgeModuleUse[], module: string, nodeRoutes: ReadonlySet<string>): boolean {
  return uses.some((use) => use.module === module && use.routes.some((route) => !nodeRoutes.has(route.id)));
}

/** Relative path helper for generated imports. */
export function importPath(from: string, to: string): string {
  const path = relative(dirname(from), to).split('\\').join('/');
  return path.startsWith('.') ? path : './' + path;
}
