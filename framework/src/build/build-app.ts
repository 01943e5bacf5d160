import { createMemoryCacheHandler } from '@nexxo/runtime/cache';
import { buildEnvironments, type BundleStats } from '@nexxo/compiler';
import { compileRoutingRules, type AdapterOption, type BuildManifest, type ManifestRoute } from '@nexxo/runtime';
import { runAdapter } from './run-adapter.js';
import { loadConfig, loadEnv } from '../config/index.js';
import { randomBytes } from 'node:crypto';
import { cp, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createOutputDir } from './output-dir.js';
import { appEnvironments } from './app-environments.js';
import { routeFiles, stylesByRouteFile } from './route-files.js';
import { imageEndpointConfig } from './image-settings.js';
import { prerender } from './prerender.js';
import { formatRouteTable } from './route-table.js';
import { buildStats, type BuildStats } from './route-sizes.js';
import { scanApp, type ScannedRoute } from './scan-app.js';

export interface BuildAppOptions {
  root: string;
  /** Print the route table (default true). */
  log?: (message: string) => void;
  /** Deploy adapter (`--adapter`); overrides `adapter` in nexxo.config. */
  adapter?: AdapterOption;
  /** Collect each bundle's chunks and module sizes into the result's `bundleStats` (`nexxo analyze`). */
  bundleStats?: boolean;
}

export interface BuildAppResult {
  outDir: string;
  manifest: BuildManifest;
  durationMs: number;
  /** Per-route JS and CSS sizes, as written to `.nexxo/build-stats.json`. */
  stats: BuildStats;
  /** With the `bundleStats` option: chunks and module sizes of the rsc, ssr and client bundles. */
  bundleStats?: BundleStats;
  /**
   * With the `bundleStats` option, per route: the modules the server renders it from (its route
   * files, in rsc) and the client components it reaches (rendered by ssr), as absolute paths.
   */
  serverRoots?: ServerRoots;
}

export type ServerRoots = Map<string, { rsc: string[]; ssr: string[] }>;


/**
 * `nexxo build`: bundles the three environments, prerenders static routes in-process, and writes
 * `.nexxo/` with one manifest.json for the runtime and adapters.
 */
export async function buildApp(options: BuildAppOptions): Promise<BuildAppResult> {
  const started = performance.now();
  const root = resolve(options.root);
  const log = options.log ?? ((message: string) => console.log(message));
  const outDir = join(root, '.nexxo');
  const { publicEnv } = loadEnv(root, 'production');
  const config = await loadConfig(root, 'production');
  // Checked now, not when the server starts: a bad rule is a build error.
  compileRoutingRules(config.routing);
  const app = scanApp(root, config.pageExtensions);
  await rm(outDir, { recursive: true, force: true });
  createOutputDir(outDir);

  const buildId = randomBytes(8).toString('base64url');
  const allRouteFiles = [...new Set(app.segments.flatMap((segment) => Object.values(segment.files)))];
  const result = await buildEnvironments({
    ...appEnvironments({ root, outDir, app, buildId, mode: 'production', graphRoots: allRouteFiles, config, publicEnv }),
    stats: options.bundleStats ?? false,
  });

  const publicDir = join(root, 'public');
  const staticDir = join(outDir, 'static');
  if (existsSync(publicDir)) await cp(publicDir, staticDir, { recursive: true, force: false, errorOnExist: false });

  const entryUrls = [result.client.entry, ...result.client.entryImports];
  const entrySet = new Set(entryUrls);
  const preloadFor = (route: ScannedRoute): string[] => {
    const urls = new Set<string>();
    for (const file of routeFiles(app, route))
      for (const id of result.reachableClientReferences.get(file) ?? []) for (const url of result.client.referenceChunks[id] ?? []) if (!entrySet.has(url)) urls.add(url);
    return [...urls];
  };

  const [rsc, ssr] = await Promise.all([
    import(pathToFileURL(join(outDir, result.dirs.rsc, 'index.js')).href),
    import(pathToFileURL(join(outDir, result.dirs.ssr, 'index.js')).href),
  ]);
  const styles = stylesByRouteFile(root, result.styles);
  // Cached reads while prerendering share one in-memory cache: the same fetch runs once per build.
  rsc.configureCache(createMemoryCacheHandler());
  const middleware: { matcher?: unknown } | null = rsc.middleware();
  const prerendered = await prerender({ outDir, routes: app.routes, rsc, ssr, bootstrapModule: result.client.entry, preloadFor: (route) => [...result.client.entryImports, ...preloadFor(route)], styles, basePath: config.routing.basePath });

  const runtimes = new Map(await Promise.all(app.routes.map(async (route) => [route.id, (await rsc.routeConfig(route.id)).runtime] as const)));
  const routes: ManifestRoute[] = app.routes.map((route) => {
    const info = prerendered.rendering.get(route.id)!;
    const runtime = runtimes.get(route.id);
    return {
      id: route.id,
      type: route.type,
      pattern: route.pattern,
      rendering: info.rendering,
      dynamicParams: info.dynamicParams,
      ...(info.staticPaths ? { staticPaths: info.staticPaths } : {}),
      preload: route.type === 'page' ? preloadFor(route) : [],
      ...(runtime ? { runtime } : {}),
    };
  });
  const manifest: BuildManifest = {
    version: 1,
    buildId,
    builtAt: Date.now(),
    client: { entry: result.client.entry, entryImports: result.client.entryImports },
    routes,
    staticFiles: (await listFiles(staticDir)).map((file) => '/' + relative(staticDir, file).split(sep).join('/')).filter((url) => !url.endsWith('.map')),
    styles,
    routing: config.routing,
    images: imageEndpointConfig(config.images),
    serverActions: config.serverActions,
    prerendered: prerendered.pages,
    middleware: middleware ? (middleware.matcher === undefined ? {} : { matcher: middleware.matcher }) : null,
  };
  await writeFile(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2));

  const scannedById = new Map(app.routes.map((route) => [route.id, route]));
  const stats = buildStats({
    staticDir,
    basePath: config.routing.basePath,
    entryUrls,
    routes,
    stylesFor: (route) => [...new Set(routeFiles(app, scannedById.get(route.id)!).flatMap((file) => manifest.styles[relative(root, file).split(sep).join('/')] ?? []))],
  });
  await writeFile(join(outDir, 'build-stats.json'), JSON.stringify(stats, null, 2));
  log(formatRouteTable(routes.map((route) => ({ route, paths: prerendered.rendering.get(route.id)!.paths })), stats));
  const adapter = options.adapter ?? config.adapter;
  if (adapter) await runAdapter(adapter, { root, outDir, manifest }, log);
  if (!result.stats) return { outDir, manifest, durationMs: performance.now() - started, stats };
  const referenceFiles = new Map(result.clientReferences.map((reference) => [reference.id, reference.file]));
  const serverRoots: ServerRoots = new Map(
    app.routes.map((route) => {
      const files = routeFiles(app, route);
      const references = new Set(files.flatMap((file) => result.reachableClientReferences.get(file) ?? []));
      return [route.id, { rsc: files, ssr: [...references].flatMap((id) => referenceFiles.get(id) ?? []) }];
    }),
  );
  return { outDir, manifest, durationMs: performance.now() - started, stats, bundleStats: result.stats, serverRoots };
}

async function listFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}
