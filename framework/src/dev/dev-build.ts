import type { BuildEnvironmentsResult } from '@nexxo/compiler';
import { createImageOptimizer } from '@nexxo/adapter-node/image-optimizer';
import { createMemoryCacheHandler } from '@nexxo/runtime/cache';
import { createApp, pathnameFor, type BuildManifest, type ImageService, type ManifestRoute, type Params, type ServerBuild } from '@nexxo/runtime';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { routeFiles, stylesByRouteFile } from '../build/route-files.js';
import { imageEndpointConfig } from '../build/image-settings.js';
import type { ScannedApp, ScannedRoute } from '../build/scan-app.js';
import type { ResolvedConfig } from '../config/index.js';

/** One data cache for the dev server's life: an edit rebuilds the app, not what it fetched and cached. */
const devDataCache = createMemoryCacheHandler();

/** One id for every dev build: a rebuild must not look like a new deployment to open pages. */
export const DEV_BUILD_ID = 'development';

/** One successful development build: what the dev server serves until the next one. */
export interface DevBuild {
  version: number;
  app: ReturnType<typeof createApp>;
  manifest: BuildManifest;
  result: BuildEnvironmentsResult;
  /** Route ids compiled into this build. */
  routes: Set<string>;
  /** The imported server bundles (kept when a rebuild does not touch them). */
  rsc: ServerBuild['rsc'] & { routeConfig(id: string): Promise<{ dynamicParams: boolean }>; staticParams(id: string): Promise<Params[] | null> };
  ssr: ServerBuild['ssr'];
}

/**
 * Turns built output into something the dev server serves: imports the server bundles (a new
 * query string makes Node evaluate them; their chunks are content-hashed, so unchanged ones such as
 * React are reused) and assembles the manifest. Also used for a build restored from the cache.
 */
export async function loadDevBuild(options: {
  root: string;
  outDir: string;
  app: ScannedApp;
  routes: Set<string>;
  version: number;
  result: BuildEnvironmentsResult;
  previous?: DevBuild | undefined;
  config: ResolvedConfig;
  onMiddlewareRewrite?: ((request: Request, pathname: string) => void) | undefined;
}): Promise<DevBuild> {
  const { root, outDir, app, version, result, previous } = options;
  const compiled = app.routes.filter((route) => options.routes.has(route.id));
  const [rsc, ssr] = await Promise.all([
    previous && result.serverModules === previous.result.serverModules ? previous.rsc : import(`${pathToFileURL(join(outDir, result.dirs.rsc, 'index.js')).href}?v=${version}`),
    previous && result.rebuilt.has('ssr') === false ? previous.ssr : import(`${pathToFileURL(join(outDir, result.dirs.ssr, 'index.js')).href}?v=${version}`),
  ]);
  const entryUrls = new Set([result.client.entry, ...result.client.entryImports]);
  const preloadFor = (route: ScannedRoute) => [
    ...new Set(
      routeFiles(app, route).flatMap((file) => (result.reachableClientReferences.get(file) ?? []).flatMap((id) => result.client.referenceChunks[id] ?? [])).filter((url) => !entryUrls.has(url)),
    ),
  ];
  // dynamicParams = false holds in dev too: the compiled routes' generated params are the only ones.
  const staticPaths = new Map<string, string[]>();
  for (const route of compiled) {
    if (route.type !== 'page' || route.pattern.every((part) => part.kind === 'static')) continue;
    const config = await rsc.routeConfig(route.id);
    if (config.dynamicParams) continue;
    const paramSets = ((await rsc.staticParams(route.id)) ?? []) as Params[];
    staticPaths.set(route.id, paramSets.flatMap((params) => pathnameFor(route.pattern, params) ?? []));
  }
  const routes: ManifestRoute[] = app.routes.map((route) => ({
    id: route.id,
    type: route.type,
    pattern: route.pattern,
    rendering: 'dynamic',
    dynamicParams: !staticPaths.has(route.id),
    ...(staticPaths.has(route.id) ? { staticPaths: staticPaths.get(route.id)! } : {}),
    preload: options.routes.has(route.id) && route.type === 'page' ? preloadFor(route) : [],
  }));
  const staticDir = join(outDir, 'static');
  const publicDir = join(root, 'public');
  const manifest: BuildManifest = {
    version: 1,
    buildId: DEV_BUILD_ID,
    client: { entry: result.client.entry, entryImports: result.client.entryImports },
    routes,
    staticFiles: [...(await listUrls(staticDir)), ...(await listUrls(publicDir))],
    styles: stylesByRouteFile(root, result.styles),
    routing: options.config.routing,
    images: imageEndpointConfig(options.config.images),
    serverActions: options.config.serverActions,
    prerendered: {},
  };
  const build: ServerBuild = { manifest, rsc, ssr };
  const appHandler = createApp({
    build,
    // Client chunks from the dev output, everything else straight from public/ (no copy).
    readFile: async (path) => {
      const { readFile } = await import('node:fs/promises');
      if (!path.startsWith('static/')) return null;
      for (const base of [staticDir, publicDir]) {
        const file = join(base, path.slice('static/'.length));
        if (!file.startsWith(base + sep)) return null;
        if (existsSync(file)) return new Uint8Array(await readFile(file));
      }
      return null;
    },
    images: devImageOptimizer(outDir),
    cache: devDataCache,
    ...(options.onMiddlewareRewrite ? { onMiddlewareRewrite: options.onMiddlewareRewrite } : {}),
  });
  return { version, app: appHandler, manifest, result, routes: new Set(options.routes), rsc, ssr };
}

/**
 * One optimizer per dev output folder, kept across rebuilds: its in-flight work and its cache
 * (`.nexxo/dev/<pid>/cache/images`, removed with the folder) outlive each build's app.
 */
const devImageOptimizers = new Map<string, ImageService>();
function devImageOptimizer(outDir: string): ImageService {
  let optimizer = devImageOptimizers.get(outDir);
  if (!optimizer) {
    optimizer = createImageOptimizer({ cacheDir: join(outDir, 'cache', 'images') });
    devImageOptimizers.set(outDir, optimizer);
  }
  return optimizer;
}

async function listUrls(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && !entry.name.endsWith('.map')).map((entry) => '/' + relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}
