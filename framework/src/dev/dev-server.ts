import type { ActionFileIndex, AssetPipeline, Environment } from '@nexxo/compiler';
import { compileRoutingRules, contentTypeFor, createRouteMatcher, decodePathParts, matchRewrite, stripBasePath, type CompiledRoutingRules } from '@nexxo/runtime';
import { loadConfig, loadEnv, type ResolvedConfig } from '../config/index.js';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import { scanApp, specialFileOf, type ScannedApp } from '../build/scan-app.js';
import { isMiddlewarePath } from '../build/find-middleware.js';
import { isMdxComponentsPath } from '../build/find-mdx-components.js';
import { frameworkClientDefines } from '../build/framework-defines.js';
import type { DevError } from '../client/dev/error-overlay.js';
import { locate, locateInStack } from './code-frame.js';
import { loadDevBuild, type DevBuild } from './dev-build.js';
import type { PersistentCache } from '@nexxo/compiler/persistent-cache';
import { DevCache } from './dev-cache.js';
import { devCacheDir } from './dev-cache-store.js';
import { watchFiles } from './file-watcher.js';
import { HmrChannel } from './hmr-channel.js';
import { createOutputDir } from '../build/output-dir.js';
import { updateStylesheets } from './stylesheet-updates.js';

type DevCompiler = typeof import('./dev-compile.js');
type DevDeps = import('./dev-compile.js').DevDeps;

/** How long after a client update the ssr build catches up. */
const SSR_CATCH_UP_DELAY_MS = 150;
/**
 * Routes compiled ahead of need: a build for a newly requested route (not the first build, which
 * must be quick) also compiles this many more routes nearest to the ones in use, or as many as are
 * compiled already if that is more (so visiting every route costs a few builds, not one each).
 */
const AHEAD_BATCH = 32;
/** After this long with no request and no edit, routes not compiled yet are compiled in the background. */
const WARM_UP_IDLE_MS = 2000;
/** How long after a page restored from the persistent cache the compiler is loaded. */
const COMPILER_WARM_UP_DELAY_MS = 500;
/** Root files that change how the whole app compiles. */
const PROJECT_SETTINGS = /^(nexxo\.config\.(ts|mts|js|mjs)|\.env(\..+)?|postcss\.config\.(js|mjs|cjs)|tsconfig\.json)$/;
// Metadata files (icon.png, opengraph-image.tsx, robots.ts…): like route files, adding or removing one changes the routes.
const METADATA_FILE = /(?:^|[\\/])(?:(?:icon|apple-icon|opengraph-image|twitter-image)\d*\.\w+|(?:favicon\.ico|robots\.\w+|sitemap\.\w+|manifest\.\w+))$/;

/**
 * `nexxo dev`: listens at once and compiles nothing until a page is requested; then builds only
 * the routes asked for so far. Edits rebuild and reach open pages over server-sent events: client
 * components through React Refresh (state kept), server code by re-rendering the RSC payload.
 */
export class DevServer {
  readonly #root: string;
  readonly #outDir: string;
  readonly #channel = new HmrChannel();
  #app: ScannedApp | null = null;
  #matcher: { app: ScannedApp; match: ReturnType<typeof createRouteMatcher> } | null = null;
  #scanError: DevError | null = null;
  /** Routes a request asked for: every build compiles them. */
  readonly #requested = new Set<string>();
  /**
   * Routes compiled ahead of need by a build that succeeded. A rebuild after an edit leaves them
   * out, so that an edit costs what the routes in use cost (each compiled route adds to every
   * rebuild); the next warm-up compiles them again.
   */
  readonly #ahead = new Set<string>();
  /** The next build follows an edit: it compiles the requested routes only (see #ahead). */
  #forEdit = false;
  /** The routes of the build in progress. */
  #inFlight = new Set<string>();
  /** The next build may compile routes ahead of need (a route was requested, or the server is idle). */
  #compileAhead = false;
  /** Routes that broke a build they were compiled ahead in: not tried again until a file changes. */
  readonly #notAhead = new Set<string>();
  /** The build in progress is a warm-up: requests for compiled routes do not wait for it. */
  #warmingUp = false;
  #warmUpTimer: ReturnType<typeof setTimeout> | undefined;
  #build: DevBuild | null = null;
  #buildError: DevError | null = null;
  #building: Promise<void> | null = null;
  #version = 0;
  #stale = true;
  #watcher: { close(): void } | null = null;
  /** Environments the next build may skip; null means rebuild all three. */
  #reuse: Set<Environment> | null = null;
  /** The ssr build lags behind a client-only edit until the follow-up build. */
  #ssrStale = false;
  #deps: DevDeps | null = null;
  /** The output folder holds the pre-bundled dependencies of a build restored from the cache. */
  #depsRestored = false;
  /** Stylesheets and asset files, cached across rebuilds; made with the compiler, on first use. */
  #assets: AssetPipeline | null = null;
  /** The app's files that may define server actions: walked once, then updated from the watcher. */
  #actionFiles: ActionFileIndex | null = null;
  #compiler: Promise<DevCompiler> | null = null;
  #config: ResolvedConfig;
  #rules: CompiledRoutingRules;
  #publicEnv: Record<string, string>;

  readonly #cache: DevCache;
  /** App paths a middleware rewrote each request to: a route not compiled yet is built, and the request served again. */
  readonly #rewriteTargets = new WeakMap<Request, string[]>();
  readonly #onMiddlewareRewrite = (request: Request, pathname: string) => this.#rewriteTargets.set(request, [...(this.#rewriteTargets.get(request) ?? []), pathname]);
  /** The first build may come from the persistent cache instead of the compiler. */
  #triedCache = false;

  constructor(root: string, options: { cacheStore: PersistentCache; config: ResolvedConfig; publicEnv: Record<string, string> }) {
    this.#root = root;
    this.#config = options.config;
    this.#rules = compileRoutingRules(options.config.routing);
    this.#publicEnv = options.publicEnv;
    this.#cache = new DevCache(root, nexxoVersion(), options.cacheStore);
    // One folder per dev process: two dev servers on one app must not delete each other's output.
    this.#outDir = join(root, '.nexxo', 'dev', String(process.pid));
  }

  /** The compiler side of the dev server, loaded on first need (see dev-compile.ts). */
  #compile(): Promise<DevCompiler> {
    return (this.#compiler ??= import('./dev-compile.js'));
  }

  async #assetPipeline(): Promise<AssetPipeline> {
    return (this.#assets ??= (await this.#compile()).createDevAssets(this.#root, this.#config));
  }

  start(): void {
    removeStaleOutput(dirname(this.#outDir));
    rmSync(this.#outDir, { recursive: true, force: true });
    createOutputDir(dirname(dirname(this.#outDir)));
    createOutputDir(devCacheDir(this.#root));
    process.setSourceMapsEnabled(true);
    (globalThis as { __nexxo_dev_render_error?: (error: unknown) => void }).__nexxo_dev_render_error = (error) => {
      const location = locateInStack(error, this.#root);
      this.#channel.send({ type: 'error', source: 'render', error: { message: error instanceof Error ? error.message : String(error), ...location } });
    };
    this.#watcher = watchFiles(this.#root, (paths) => void this.#onFilesChanged(paths));
  }

  async close(): Promise<void> {
    clearTimeout(this.#warmUpTimer);
    this.#watcher?.close();
    this.#channel.close();
    await this.#cache.close();
  }

  readonly fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const pathname = stripBasePath(url.pathname, this.#config.routing.basePath) ?? url.pathname;
    if (pathname === '/_nexxo/dev/events') return this.#channel.connect(request);
    if (pathname === '/_nexxo/dev/references.js') return this.#referencesModule();
    // Stylesheets and assets written after the build's file list was taken (a CSS edit).
    if (/^\/_nexxo\/(css|media)\/[\w.-]+$/.test(pathname)) return serveOutputFile(join(this.#outDir, 'static', pathname));
    // Pre-bundled entries keep their names from one session to the next (their chunks are hashed):
    // the browser must ask again, or it could run the runtime of another Nexxo version or config.
    if (/^\/_nexxo\/deps\/(?!chunk-)[\w.-]+\.js$/.test(pathname) && this.#build) return serveOutputFile(join(this.#outDir, 'static', pathname));
    // Client chunks are content-hashed: serve them from the current build without waiting for a
    // rebuild in progress (a Fast Refresh update imports its chunk while ssr catches up).
    if (pathname.startsWith('/_nexxo/') && this.#build) return this.#build.app.fetch(request);
    this.#postponeWarmUp();
    await this.#readyFor(request);
    const error = this.#scanError ?? this.#buildError;
    if (error || !this.#build) return errorDocument(error ?? { message: 'The app could not be built.' });
    const retry = request.clone();
    const response = await this.#build.app.fetch(request);
    const targets = this.#rewriteTargets.get(request);
    if (!targets || !this.#requestPaths(targets).added) return response;
    // The middleware rewrote to a route this build does not have yet: build it, then answer again.
    await response.body?.cancel();
    await this.#ensureBuild();
    const again = this.#scanError ?? this.#buildError;
    if (again || !this.#build) return errorDocument(again ?? { message: 'The app could not be built.' });
    return this.#build.app.fetch(retry);
  };

  /**
   * Waits until the routes a request may render are compiled. A route not compiled yet is built
   * (with others, ahead of need); a compiled one is served at once, also while a warm-up builds.
   */
  async #readyFor(request: Request): Promise<void> {
    for (;;) {
      const ids = this.#requestRoute(request);
      const compiled = this.#build !== null && ids.every((id) => this.#build!.routes.has(id));
      if (compiled && !this.#stale && (!this.#building || this.#warmingUp)) return;
      await this.#ensureBuild();
      // A warm-up that failed left its routes out: the loop requests them again, on their own.
      if (this.#buildError || this.#scanError || !this.#build || ids.every((id) => this.#build!.routes.has(id))) return;
    }
  }

  /**
   * Adds the routes a request may render to the compiled set (the next build includes them): the
   * one its path matches, and those config rewrites may send it to. Returns their ids.
   */
  #requestRoute(request: Request): string[] {
    const url = new URL(request.url);
    const candidates = [url.pathname];
    for (const phase of ['beforeFiles', 'afterFiles', 'fallback'] as const) {
      const rewritten = matchRewrite(this.#rules, phase, { pathname: url.pathname, search: url.search, headers: request.headers, host: url.host });
      if (rewritten && 'pathname' in rewritten) candidates.push(rewritten.pathname);
    }
    return this.#requestPaths(candidates).ids;
  }

  /** Adds the routes of these paths (base path included) to the compiled set; `added` if one was new. */
  #requestPaths(paths: string[]): { ids: string[]; added: boolean } {
    const app = this.#scan();
    if (!app) return { ids: [], added: false };
    // Made once per scan: every request asks, and a 1,000-route table takes a few ms to make.
    if (this.#matcher?.app !== app) this.#matcher = { app, match: createRouteMatcher(app.routes.map((route) => ({ ...route, rendering: 'dynamic' as const, dynamicParams: true, preload: [] }))) };
    const matchRoute = this.#matcher.match;
    const { basePath } = this.#config.routing;
    let added = false;
    const ids: string[] = [];
    for (const path of paths) {
      const candidate = stripBasePath(path, basePath) ?? path;
      const parts = decodePathParts(candidate);
      const match = parts ? matchRoute(parts) : null;
      if (!match) continue;
      ids.push(match.route.id);
      if (this.#requested.has(match.route.id)) continue;
      this.#requested.add(match.route.id);
      // A route the build in progress compiles (or, with none in progress, the current build) needs no other build.
      if (this.#building ? this.#inFlight.has(match.route.id) : this.#build?.routes.has(match.route.id)) continue;
      this.#stale = true;
      this.#reuse = null;
      this.#compileAhead = true;
      added = true;
    }
    return { ids, added };
  }

  #scan(): ScannedApp | null {
    if (this.#app) return this.#app;
    try {
      this.#app = scanApp(this.#root, this.#config.pageExtensions);
      this.#scanError = null;
      const ids = new Set(this.#app.routes.map((route) => route.id));
      for (const set of [this.#requested, this.#ahead]) for (const id of set) if (!ids.has(id)) set.delete(id);
    } catch (error) {
      this.#scanError = toDevError(error, this.#root);
      this.#channel.send({ type: 'error', source: 'build', error: this.#scanError });
    }
    return this.#app;
  }

  /** Builds when something changed; concurrent requests wait for the same build. */
  async #ensureBuild(): Promise<void> {
    while (this.#stale || this.#building) {
      if (!this.#building) {
        this.#stale = false;
        this.#building = this.#runBuild().finally(() => (this.#building = null));
      }
      await this.#building;
    }
  }

  async #runBuild(): Promise<void> {
    const app = this.#scan();
    if (!app) return;
    const started = performance.now();
    const reuse = this.#reuse && this.#build ? { previous: this.#build, environments: this.#reuse } : undefined;
    this.#reuse = null;
    const forEdit = this.#forEdit;
    this.#forEdit = false;
    const ahead = this.#compileAhead && this.#build && !reuse && !forEdit ? this.#aheadOfNeed(app) : [];
    this.#compileAhead = false;
    // A reused rsc build keeps its routes; otherwise an edit's rebuild compiles the routes in use only.
    const keepsRoutes = reuse?.environments.has('rsc') === true;
    const routes = keepsRoutes ? new Set(reuse!.previous.routes) : new Set([...this.#requested, ...(forEdit ? [] : this.#ahead), ...ahead]);
    // Routes nobody has asked for, compiled for the first time or again after an edit left them out.
    const unrequested = keepsRoutes ? [] : [...routes].filter((id) => !this.#requested.has(id));
    this.#inFlight = routes;
    try {
      const restored = await this.#restoreFromCache(app);
      const compile = restored ? null : await this.#compile();
      // The dependencies bundle while the app builds (buildForDev waits for both).
      this.#build =
        restored ??
        (await compile!.buildForDev({ root: this.#root, outDir: this.#outDir, app, routes, version: ++this.#version, ...(reuse ? { reuse } : {}), prebundled: this.#prebundledDeps(compile!), assets: await this.#assetPipeline(), actionFiles: (this.#actionFiles ??= compile!.createActionFileIndex(this.#root, this.#outDir)), config: this.#config, publicEnv: this.#publicEnv, onMiddlewareRewrite: this.#onMiddlewareRewrite }));
      for (const id of unrequested) this.#ahead.add(id);
      // A restored build is saved again too: restoring moved it out of the cache.
      this.#cache.scheduleSave(this.#build.routes, this.#build.result, this.#outDir, treeSignature(app));
      if (restored && process.env.NEXXO_DEBUG?.includes('dev')) console.log(`[nexxo] restored ${restored.routes.size} route(s) from the persistent cache`);
      // Served without the compiler; load it once the first page is out, before the first edit needs it.
      if (restored) setTimeout(() => void this.#compile(), COMPILER_WARM_UP_DELAY_MS).unref();
      // Clears a build error, or a render error the edit may have fixed (a render that still fails reports again).
      if (!this.#warmingUp) this.#channel.send({ type: 'clear-error' });
      this.#buildError = null;
      if (process.env.NEXXO_DEBUG?.includes('dev'))
        console.log(`[nexxo] built ${routes.size} route(s) in ${Math.round(performance.now() - started)} ms${reuse ? ` (reused: ${[...reuse.environments].join(', ') || 'none'})` : ''}${ahead.length > 0 ? ` (${ahead.length} ahead of need${this.#warmingUp ? ', warming up' : ''})` : ''}`);
      this.#postponeWarmUp();
    } catch (error) {
      this.#cache.cancelPendingSave();
      if (unrequested.length > 0) {
        // A route nobody asked for yet must not break the ones in use: build again without them
        // (a broken route shows its error when it is requested). The routes new to this build are
        // the suspects; routes compiled ahead before are, if there were none.
        const suspects = ahead.length > 0 ? ahead : unrequested;
        for (const id of suspects) {
          this.#notAhead.add(id);
          this.#ahead.delete(id);
        }
        if (this.#warmingUp) this.#postponeWarmUp();
        else this.#stale = true;
        if (process.env.NEXXO_DEBUG?.includes('dev')) console.log(`[nexxo] a build with ${suspects.length} route(s) ahead of need failed: they compile when requested`);
        return;
      }
      const devError = toDevError(error, this.#root);
      if (devError.message !== this.#buildError?.message) console.error(`\n✖ ${devError.file ? `${devError.file}:${devError.line ?? ''}:${devError.column ?? ''}\n` : ''}${devError.message}\n`);
      this.#buildError = devError;
      this.#channel.send({ type: 'error', source: 'build', error: devError });
    }
  }

  /**
   * Routes to compile ahead of need for the first time: those never compiled, nearest first (sharing
   * the most segments with a compiled route), as many as are compiled already and at least AHEAD_BATCH.
   */
  #aheadOfNeed(app: ScannedApp): string[] {
    const compiled = app.routes.filter((route) => this.#requested.has(route.id) || this.#ahead.has(route.id));
    const candidates = app.routes.filter((route) => !this.#requested.has(route.id) && !this.#ahead.has(route.id) && !this.#notAhead.has(route.id));
    const sharedSegments = (a: number[], b: number[]) => {
      let count = 0;
      while (count < a.length && a[count] === b[count]) count++;
      return count;
    };
    const nearness = new Map(candidates.map((route) => [route.id, Math.max(0, ...compiled.map((other) => sharedSegments(route.segments, other.segments)))]));
    return candidates
      .sort((a, b) => nearness.get(b.id)! - nearness.get(a.id)!)
      .slice(0, Math.max(AHEAD_BATCH, compiled.length))
      .map((route) => route.id);
  }

  /** Restarts the idle countdown to the next warm-up (a request or an edit is activity). */
  #postponeWarmUp(): void {
    clearTimeout(this.#warmUpTimer);
    this.#warmUpTimer = setTimeout(() => void this.#warmUp(), WARM_UP_IDLE_MS);
    this.#warmUpTimer.unref();
  }

  /**
   * While nobody is waiting, compiles the routes an edit left out and the next batch of routes not
   * compiled yet, so that visiting them later needs no build. Requests for compiled routes are
   * served meanwhile; an edit waits for it. A batch that fails is dropped quietly (see #runBuild).
   */
  async #warmUp(): Promise<void> {
    if (this.#building || this.#stale || !this.#build || this.#buildError || this.#scanError) return;
    const app = this.#scan();
    const build = this.#build;
    if (!app || (this.#aheadOfNeed(app).length === 0 && [...this.#ahead].every((id) => build.routes.has(id)))) return;
    this.#compileAhead = true;
    this.#warmingUp = true;
    this.#building = this.#runBuild().finally(() => {
      this.#building = null;
      this.#warmingUp = false;
    });
    await this.#building;
  }

  /** React and friends, bundled once per dev server for each environment. */
  #prebundledDeps(compile: DevCompiler): DevDeps {
    // A build restored from the cache brought them along (the cache is keyed by the lockfile).
    return (this.#deps ??= compile.prebundleDevDeps(this.#root, this.#outDir, this.#config, this.#depsRestored));
  }

  /** On the first build only: the last session's build, if it covers the route and nothing changed. */
  async #restoreFromCache(app: ScannedApp): Promise<DevBuild | null> {
    if (this.#triedCache || this.#build) return null;
    this.#triedCache = true;
    const [first] = this.#requested;
    if (!first) return null;
    const restored = await this.#cache.restore(first, this.#outDir, treeSignature(app));
    if (!restored || [...restored.routes].some((id) => !app.routes.some((route) => route.id === id))) return null;
    this.#depsRestored = true;
    // Restored routes other than the one asked for were compiled ahead of need, as far as this session knows.
    for (const id of restored.routes) if (!this.#requested.has(id)) this.#ahead.add(id);
    this.#inFlight = new Set(restored.routes);
    return loadDevBuild({ root: this.#root, outDir: this.#outDir, app, routes: restored.routes, version: ++this.#version, result: restored.result, config: this.#config, onMiddlewareRewrite: this.#onMiddlewareRewrite });
  }

  async #onFilesChanged(changed: string[]): Promise<void> {
    const started = performance.now();
    this.#actionFiles?.invalidate(changed);
    this.#postponeWarmUp();
    this.#notAhead.clear();
    if (changed.some((path) => dirname(path) === this.#root && PROJECT_SETTINGS.test(basename(path)))) {
      await this.#reloadSettings(changed.map((path) => basename(path)).filter((name) => PROJECT_SETTINGS.test(name)));
      return;
    }
    const compile = await this.#compile();
    // Stylesheets first: swapped in the page at once, and an edit that only touched CSS is done.
    const healthy = this.#build && !this.#buildError && !this.#scanError ? this.#build : null;
    const { swaps, handled } = await updateStylesheets(await this.#assetPipeline(), healthy, this.#outDir, changed);
    if (swaps.length > 0) this.#channel.send({ type: 'css-update', swaps });
    // An edited file also changes the modules that import it with a query (`?raw`, `?url`).
    const queried = queriedIds(this.#build);
    const paths = changed.filter((path) => !handled.has(path)).flatMap((path) => [path, ...(queried.get(path) ?? [])]);
    if (paths.length === 0) return;
    // Route files or folders touched: scan again; the route tree changed only if the scan differs
    // (editors often save by renaming, which looks like an add). A special file the tree has and
    // that is still there was only edited: the scan reads names, not contents.
    const before = this.#app ? treeSignature(this.#app) : null;
    const known = new Set(this.#app?.segments.flatMap((segment) => Object.values(segment.files)));
    const edited = (path: string) => known.has(path) && existsSync(path);
    if (this.#scanError || paths.some((path) => this.#app && path.startsWith(this.#app.appDir + sep) && (this.#isRouteFile(path) || !/\.\w+$/.test(path)) && !edited(path))) this.#app = null;
    // Adding or deleting middleware.ts / proxy.ts changes the rsc entry's imports: rebuild all.
    const middlewareChanged = this.#app !== null && paths.some((path) => isMiddlewarePath(this.#app!.appDir, path));
    const previous = this.#build;
    const inGraph = (path: string) => previous?.result.serverModules.has(path) || previous?.result.client.moduleChunks.has(path);
    // A new mdx-components file (not in the graph yet) changes what every MDX file compiles to.
    const mdxComponentsAdded = paths.some((path) => isMdxComponentsPath(this.#root, path) && !inGraph(path));
    const appDirChanged = middlewareChanged || mdxComponentsAdded || (before !== null && (!this.#scan() || treeSignature(this.#app!) !== before));
    const relevant = appDirChanged || this.#scanError !== null || this.#buildError !== null || !previous || paths.some(inGraph) || paths.some((path) => path.startsWith(join(this.#root, 'public') + sep));
    if (!relevant) return;
    if (this.#requested.size === 0 && !previous) return;
    const reusable = appDirChanged || !previous || this.#buildError || this.#scanError ? null : compile.reusableEnvironments(paths, previous);
    // A plan not yet built (say, the ssr catch-up after a client edit) still needs its rebuilds.
    const pending = this.#stale ? this.#reuse : undefined;
    this.#reuse = reusable && pending !== null ? new Set([...reusable].filter((environment) => pending === undefined || pending.has(environment))) : null;
    // A client-only edit: swap it in the browser first, rebuild ssr right after (see below).
    if (this.#reuse?.has('rsc') && !this.#reuse.has('client')) {
      this.#reuse.add('ssr');
      this.#ssrStale = true;
    }
    this.#stale = true;
    this.#forEdit = true;
    const hadError = this.#buildError !== null || this.#scanError !== null;
    await this.#ensureBuild();
    if (this.#buildError || this.#scanError || !this.#build || !previous) return;
    if (hadError) {
      this.#channel.send({ type: 'server-update' });
      return;
    }
    this.#notify(paths, previous, this.#build, compile);
    if (process.env.NEXXO_DEBUG?.includes('dev')) console.log(`[nexxo] ${paths.map((path) => relativeFile(this.#root, path)).join(', ')}: update sent ${Math.round(performance.now() - started)} ms after the watcher reported it`);
    if (this.#ssrStale) {
      // The client update is on its way; bring server rendering up to date for the next page load,
      // a moment later, so the browser's import of the update does not compete with it.
      // Marked stale at once: a page load (say, the reload an update asked for) builds it first.
      this.#ssrStale = false;
      this.#reuse = new Set(['rsc', 'client']);
      this.#stale = true;
      setTimeout(() => void this.#ensureBuild(), SSR_CATCH_UP_DELAY_MS).unref();
    }
  }

  /**
   * nexxo.config, .env files, the PostCSS config or tsconfig.json changed: everything may compile
   * differently (defines, aliases, plugins, base path), so the app is rebuilt and open pages reload.
   * A config that fails to load keeps the last good one running and shows the error.
   */
  async #reloadSettings(names: string[]): Promise<void> {
    try {
      const { publicEnv } = loadEnv(this.#root, 'development');
      const config = await loadConfig(this.#root, 'development');
      const rules = compileRoutingRules(config.routing);
      // Nexxo's browser runtime is pre-bundled with these settings inlined.
      if (JSON.stringify(frameworkClientDefines(config)) !== JSON.stringify(frameworkClientDefines(this.#config))) this.#deps = null;
      [this.#config, this.#publicEnv, this.#rules] = [config, publicEnv, rules];
      // `pageExtensions` may have changed which files are routes.
      this.#app = null;
    } catch (error) {
      const devError = toDevError(error, this.#root);
      console.error(`\n✖ ${devError.message}\n`);
      this.#buildError = devError;
      this.#channel.send({ type: 'error', source: 'build', error: devError });
      return;
    }
    console.log(`[nexxo] ${names.join(', ')} changed: rebuilding.`);
    this.#assets = null;
    this.#reuse = null;
    this.#stale = true;
    this.#forEdit = true;
    this.#buildError = null;
    await this.#ensureBuild();
    if (!this.#buildError) this.#channel.send({ type: 'reload', reason: `${names.join(', ')} changed` });
  }

  /** Tells open pages what changed: client modules are swapped, anything else re-renders. */
  #notify(paths: string[], previous: DevBuild, current: DevBuild, compile: DevCompiler): void {
    const clientFiles = new Set(current.result.clientReferences.map((reference) => reference.file));
    // Every edited module the browser runs gets a client update, also one that server code imports.
    const clientModules = paths.filter((path) => current.result.client.moduleChunks.has(path));
    const serverChanged = paths.some((path) => current.result.serverModules.has(path) && !clientFiles.has(path)) || previous.manifest.routes.length !== current.manifest.routes.length || paths.some((path) => this.#isRouteFile(path));
    if (clientModules.length > 0) {
      const { moduleChunks, entryModules } = current.result.client;
      const blockerOf = compile.refreshBlockerOf;
      const modules = clientModules.map((file) => {
        if (entryModules.has(file)) return { file: relativeFile(this.#root, file), chunk: null, reload: 'it is part of the entry chunk' };
        const chunk = moduleChunks.get(file) ?? null;
        const blocker = blockerOf(file);
        // A module that exports non-components can still be swapped when a component module in the
        // same chunk imports it: importing the chunk again re-executes that importer too.
        const importerRefreshes = blocker !== null && [...clientFiles].some((other) => other !== file && moduleChunks.get(other) === chunk && blockerOf(other) === null);
        return { file: relativeFile(this.#root, file), chunk, ...(blocker && !importerRefreshes ? { reload: blocker } : {}) };
      });
      this.#channel.send({ type: 'client-update', modules });
    }
    if (serverChanged || clientModules.length === 0) this.#channel.send({ type: 'server-update' });
  }

  /** A special file of `app/` (by the config's `pageExtensions`) or a metadata file. */
  #isRouteFile(path: string): boolean {
    return METADATA_FILE.test(path) || specialFileOf(basename(path), this.#config.pageExtensions) !== null;
  }

  #referencesModule(): Response {
    const chunks = this.#build?.result.client.referenceChunks ?? {};
    const entries = Object.entries(chunks).map(([id, urls]) => `  ${JSON.stringify(id)}: () => import(${JSON.stringify(urls[0])}),`);
    return new Response(`export default {\n${entries.join('\n')}\n};\n`, { headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' } });
  }
}


/**
 * The part of `nexxo dev` that follows listening: loads the app's settings (.env files, the
 * config) and starts watching. Its requests wait for this, so start-up is not delayed by it.
 */
export async function openDevServer(root: string, options: { cacheStore: PersistentCache }): Promise<DevServer> {
  const { publicEnv } = loadEnv(root, 'development');
  const config = await loadConfig(root, 'development');
  const dev = new DevServer(root, { cacheStore: options.cacheStore, config, publicEnv });
  dev.start();
  return dev;
}

/** The modules the build imports with a query (`x.svg?raw`), by file. */
function queriedIds(build: DevBuild | null): Map<string, string[]> {
  const ids = new Map<string, string[]>();
  if (!build) return ids;
  for (const id of new Set([...build.result.serverModules, ...build.result.importGraphs.client.keys()])) {
    const query = id.indexOf('?');
    if (query === -1 || id.startsWith('\0')) continue;
    const file = id.slice(0, query);
    ids.set(file, [...(ids.get(file) ?? []), id]);
  }
  return ids;
}

const signatures = new WeakMap<ScannedApp, string>();

/** What decides routing: the segment tree with its files, and the routes (once per scan: an edit asks several times). */
function treeSignature(app: ScannedApp): string {
  let signature = signatures.get(app);
  if (signature === undefined) signatures.set(app, (signature = JSON.stringify([app.segments, app.routes.map((route) => route.id)])));
  return signature;
}

/**
 * Deletes the output of dev servers that are no longer running, in the background: a folder of a
 * few hundred routes takes longer to delete than the rest of a warm start.
 */
function removeStaleOutput(devDir: string): void {
  let entries: string[];
  try {
    entries = readdirSync(devDir);
  } catch {
    return;
  }
  for (const entry of entries) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid || isRunning(pid)) continue;
    void rm(join(devDir, entry), { recursive: true, force: true }).catch(() => {});
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function nexxoVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

function relativeFile(root: string, file: string): string {
  return file.startsWith(root + sep) ? file.slice(root.length + 1).split(sep).join('/') : file;
}

/** A build error as the overlay shows it: Rolldown's diagnostics carry the file, line and a frame. */
function toDevError(error: unknown, root: string): DevError {
  const message = errorMessage(error);
  const cleaned = message.replace(/^Build failed with \d+ errors?:\n*/, '').replace(/\[plugin nexxo:[\w-]+\]\s*/g, '').trim();
  const location = /╭─\[\s*([^\]\s]+?):(\d+):(\d+)\s*\]/.exec(message) ?? /^([^\s:]+\.(?:[jt]sx?|mdx?)):(\d+)(?::(\d+))?:/m.exec(cleaned);
  if (!location) return { message: cleaned };
  const file = location[1]!.startsWith('/') ? location[1]! : join(root, location[1]!);
  const located = locate(root, file, Number(location[2]), Number(location[3] ?? 1));
  return { message: cleaned, ...(located ?? { file: relativeFile(root, file), line: Number(location[2]) }) };
}

/**
 * Rolldown's aggregate message repeats each plugin error after the module's absolute path and
 * with the plugin's stack; the nested errors carry the messages alone (as `nexxo build` prints them).
 */
function errorMessage(error: unknown): string {
  const nested = (error as { errors?: unknown } | null)?.errors;
  if (Array.isArray(nested) && nested.length > 0) return nested.map((item: unknown) => String((item as { message?: unknown } | null)?.message ?? item)).join('\n\n');
  return error instanceof Error ? error.message : String(error);
}

async function serveOutputFile(file: string): Promise<Response> {
  const { readFile } = await import('node:fs/promises');
  try {
    const body = await readFile(file);
    return new Response(new Uint8Array(body), { headers: { 'Content-Type': contentTypeFor(file), 'Cache-Control': 'no-cache' } });
  } catch {
    return new Response('Not Found', { status: 404 });
  }
}

/** What a page request gets while the app does not build: the overlay, and recovery on fix. */
function errorDocument(error: DevError): Response {
  const script = `<script>new EventSource('/_nexxo/dev/events').onmessage=(e)=>{if(JSON.parse(e.data).type==='clear-error')location.reload()}</script>`;
  const escape = (text: string) => text.replace(/[&<>]/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[character]!);
  const html = `<!DOCTYPE html><html data-nexxo-dev-error=""><head><meta charset="utf-8"><title>Build error</title></head><body><pre id="nexxo-build-error" style="white-space:pre-wrap;font:14px ui-monospace,monospace;padding:24px">${escape(
    [error.file ? `${error.file}:${error.line ?? ''}:${error.column ?? ''}` : '', error.message, error.frame ?? ''].filter(Boolean).join('\n\n'),
  )}</pre>${script}</body></html>`;
  return new Response(html, { status: 500, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
}
