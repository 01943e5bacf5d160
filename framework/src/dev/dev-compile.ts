import { ActionFileIndex, buildEnvironments, createAssetPipeline, listExports, parseModule, prebundleDeps, prebundleServerRuntime, type AssetPipeline, type ClientReference, type Environment } from '@nexxo/compiler';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appEnvironments, CLIENT_BASE } from '../build/app-environments.js';
import { appModuleSource } from '../build/app-module.js';
import { middlewareModuleSource } from '../build/find-middleware.js';
import { frameworkClientDefines, frameworkDefines } from '../build/framework-defines.js';
import { imageLoaderModule } from '../build/image-settings.js';
import { SUPPORTED_NEXT_MODULES } from '../build/next-compat.js';
import { routeFiles } from '../build/route-files.js';
import type { ScannedApp, ScannedRoute } from '../build/scan-app.js';
import type { ResolvedConfig } from '../config/index.js';
import { DEV_BUILD_ID, loadDevBuild, type DevBuild } from './dev-build.js';

// The dev server's use of the compiler, in one module it imports on demand: the compiler (Rolldown,
// Lightning CSS, PostCSS) takes ~100 ms to load, and neither start-up nor a first page restored from
// the persistent cache needs it.

/**
 * Builds only the routes requested so far (plus the root segment's files), in development mode,
 * with React Refresh in the client build. Start-up does none of this: the first request does.
 */
export async function buildForDev(options: {
  root: string;
  outDir: string;
  app: ScannedApp;
  routes: Set<string>;
  version: number;
  /** The previous build and the environments that need no rebuild (see DevServer). */
  reuse?: { previous: DevBuild; environments: ReadonlySet<Environment> };
  /** Pre-bundled dependencies of each environment (see prebundleDevDeps). */
  prebundled?: DevDeps;
  /** Stylesheets and assets, cached across rebuilds. */
  assets?: AssetPipeline;
  /** The app's files that may define server actions, kept up to date with the file watcher. */
  actionFiles?: ActionFileIndex;
  config: ResolvedConfig;
  publicEnv: Record<string, string>;
  onMiddlewareRewrite?: (request: Request, pathname: string) => void;
}): Promise<DevBuild> {
  const { root, outDir, app } = options;
  const compiled = app.routes.filter((route) => options.routes.has(route.id));
  const result = await buildEnvironments({
    ...appEnvironments({ root, outDir, app: routeSubset(app, compiled), buildId: DEV_BUILD_ID, mode: 'development', graphRoots: [...new Set(compiled.flatMap((route) => routeFiles(app, route)))], config: options.config, publicEnv: options.publicEnv }),
    refresh: true,
    ...(options.prebundled ? { prebundled: options.prebundled.imports, prebundledClientReferences: options.prebundled.runtimeReferences } : {}),
    stableServerModules: /[\\/]node_modules[\\/]/,
    liveRscRuntime: true,
    ...(options.assets ? { assets: options.assets } : {}),
    ...(options.actionFiles ? { actionFiles: options.actionFiles } : {}),
    ...(options.reuse ? { reuse: { previous: options.reuse.previous.result, environments: options.reuse.environments } } : {}),
  });
  // The manifest lists the static files, and the server imports its bundles: they must be written by then.
  await options.prebundled?.done;
  return loadDevBuild({ ...options, result, previous: options.reuse?.previous });
}

/** The part of the app tree that the compiled routes need: their segments, minus other leaves. */
function routeSubset(app: ScannedApp, routes: ScannedRoute[]): ScannedApp {
  const keep = new Set<number>([0]);
  const leaves = new Set<number>();
  for (const route of routes) {
    for (const index of route.segments) keep.add(index);
    leaves.add(route.segments[route.segments.length - 1]!);
  }
  const newIndex = new Map([...keep].sort((a, b) => a - b).map((old, position) => [old, position]));
  const segments = [...newIndex.keys()].map((old) => {
    const segment = app.segments[old]!;
    const files = Object.fromEntries(Object.entries(segment.files).filter(([kind]) => (kind !== 'page' && kind !== 'route') || leaves.has(old)));
    return { ...segment, files, children: segment.children.filter((child) => keep.has(child)).map((child) => newIndex.get(child)!) };
  });
  return {
    appDir: app.appDir,
    segments,
    routes: routes.map((route) => ({ ...route, segments: route.segments.map((index) => newIndex.get(index)!) })),
  };
}

/** Stylesheets and assets for development builds, cached across rebuilds. */
/** Where the dev server keeps the list of the app's action files (see ActionFileIndex). */
export function createActionFileIndex(root: string, outDir: string): ActionFileIndex {
  return new ActionFileIndex(root, [outDir]);
}

export function createDevAssets(root: string, config: ResolvedConfig): AssetPipeline {
  return createAssetPipeline({ root, production: false, base: config.routing.basePath + CLIENT_BASE });
}

/** What each environment imports pre-bundled, and when all the bundles are written. */
export interface DevDeps {
  imports: Partial<Record<Environment, Map<string, string>>>;
  /** The client components of the pre-bundled server runtime (see prebundleServerRuntime). */
  runtimeReferences: Promise<ClientReference[]>;
  done: Promise<void>;
}

/**
 * React and friends, bundled once per dev server for each environment (see prebundleDeps), so a
 * rebuild after an edit bundles only the app. `reuseWritten`: the output folder holds them already
 * (a build restored from the persistent cache).
 */
export function prebundleDevDeps(root: string, outDir: string, config: ResolvedConfig, reuseWritten = false): DevDeps {
  const runtime = frameworkClientModules();
  const client = prebundleDeps({
    root,
    environment: 'client',
    outDir: join(outDir, 'static', '_nexxo', 'deps'),
    base: `${config.routing.basePath}/_nexxo/deps/`,
    entries: [...PREBUNDLED_DEPS.client, ...runtime.files],
    define: frameworkClientDefines(config),
    reuseWritten,
  });
  for (const [specifier, file] of runtime.specifiers) client.imports.set(specifier, client.imports.get(file)!);
  // React's server renderers look for the AsyncLocalStorage global when they load.
  const setup = [fileURLToPath(new URL('../rsc/react-request-storage.js', import.meta.url))];
  const rscDir = join(outDir, 'server', 'deps', 'rsc');
  const rsc = prebundleDeps({ root, environment: 'rsc', outDir: rscDir, entries: PREBUNDLED_DEPS.rsc, setup, reuseWritten });
  const ssr = prebundleDeps({ root, environment: 'ssr', outDir: join(outDir, 'server', 'deps', 'ssr'), entries: PREBUNDLED_DEPS.ssr, setup, reuseWritten });
  const modules = frameworkServerModules();
  const serverRuntime = prebundleServerRuntime({
    root,
    outDir: rscDir,
    entries: modules.files,
    specifiers: modules.specifiers,
    // Examples of the generated modules the runtime reads, for their export names.
    generated: { 'virtual:nexxo/app': appModuleSource({ appDir: root, segments: [], routes: [] }, DEV_BUILD_ID, root), 'virtual:nexxo/middleware': middlewareModuleSource(root, null), 'virtual:nexxo/image-loader': imageLoaderModule(config) },
    registerClientReferenceModule: frameworkFile('rsc/client-reference.js'),
    prebundled: rsc.imports,
    define: { ...frameworkDefines(config), 'import.meta.env': 'process.env' },
    reuseWritten,
  });
  return {
    imports: { client: client.imports, rsc: new Map([...rsc.imports, ...serverRuntime.imports]), ssr: ssr.imports },
    runtimeReferences: serverRuntime.references,
    done: Promise.all([client.done, rsc.done, ssr.done, serverRuntime.done]).then(() => undefined),
  };
}

const frameworkFile = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

/**
 * Nexxo's server runtime, pre-bundled for the rsc environment (in development): the rsc rebuild
 * after an edit then bundles the app's own modules only. As for the browser runtime, every module
 * that code outside the pre-bundle imports is an entry of it, so there is one instance of each (one
 * request store, one cache): the runtime's entry, the `nexxo/*` modules apps import under the
 * `react-server` condition (also as `next/*`), and the modules generated code imports (client
 * references, server actions, metadata routes). `nexxo/og` stays external (serverExternals).
 */
function frameworkServerModules(): { files: string[]; specifiers: Map<string, string> } {
  const exportsMap = (JSON.parse(readFileSync(frameworkFile('../package.json'), 'utf8')) as { exports: Record<string, string | Record<string, string>> }).exports;
  const specifiers = new Map<string, string>();
  for (const [subpath, target] of Object.entries(exportsMap)) {
    const path = typeof target === 'string' ? null : (target['react-server'] ?? target.default);
    if (!path?.startsWith('./dist/') || subpath === './og') continue;
    const specifier = 'nexxo' + subpath.slice(1);
    const file = frameworkFile(path.slice('./dist/'.length));
    specifiers.set(specifier, file);
    for (const [next, target] of Object.entries(SUPPORTED_NEXT_MODULES)) if (target === specifier) specifiers.set(next, file);
  }
  const helpers = ['rsc/entry.js', 'rsc/client-reference.js', 'rsc/server-actions/action-runtime.js', 'rsc/metadata/metadata-route.js'].map(frameworkFile);
  return { files: [...new Set([...helpers, ...specifiers.values()])], specifiers };
}

/** Why React Refresh cannot swap this file in place (see refreshBlocker), or null; null too if it cannot be read. */
export function refreshBlockerOf(file: string): string | null {
  return readSource(file, (code) => refreshBlocker(code, file, (source) => parseModule(source, file)));
}

/**
 * Which environments an edit leaves untouched. A client component whose exports did not change is
 * client code only: the rsc build (which sees only its references) is reused. An edit outside the
 * client graph leaves the client and ssr builds as they are, unless the rsc rebuild finds that the
 * client references changed (the compiler checks that).
 */
export function reusableEnvironments(paths: string[], previous: DevBuild): Set<Environment> {
  const { serverModules, clientReferences, client } = previous.result;
  const referenceExports = new Map(clientReferences.map((reference) => [reference.file, reference.exports.join()]));
  const exportsChanged = (file: string) => readSource(file, (code) => listExports(parseModule(code, file) as never, file).join()) !== referenceExports.get(file);
  const touchesServer = paths.some((path) => serverModules.has(path) && (!referenceExports.has(path) || exportsChanged(path)));
  const touchesClient = paths.some((path) => client.moduleChunks.has(path));
  const reuse = new Set<Environment>();
  if (!touchesServer) reuse.add('rsc');
  if (!touchesClient) {
    reuse.add('client');
    reuse.add('ssr');
  }
  return reuse;
}

function readSource<T>(file: string, use: (code: string) => T): T | null {
  try {
    return use(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Whether an edited client module can be swapped by React Refresh: every export must look like a
 * component (or the module would hold values other modules captured). Otherwise the page reloads.
 */
function refreshBlocker(code: string, file: string, parse: (code: string) => unknown): string | null {
  let names: string[];
  try {
    names = listExports(parse(code) as never, file);
  } catch {
    return null;
  }
  // Components are PascalCase; an ALL_CAPS export is a constant.
  const others = names.filter((name) => name !== 'default' && !/^[A-Z](?=.*[a-z])/.test(name));
  return others.length > 0 ? `it exports ${others.map((name) => `\`${name}\``).join(', ')}, which ${others.length === 1 ? 'is not a component' : 'are not components'}` : null;
}

/**
 * Nexxo's browser runtime, pre-bundled with React (in development): a client rebuild after an edit
 * then compiles the app's own modules only (~30 → ~10 ms on the 100-route benchmark app). Every module that code
 * outside the pre-bundle imports is an entry of it, so that there is one instance of each (one
 * router, one set of React contexts): the runtime itself, the client reference table's setter,
 * the server action caller, the `nexxo/*` modules apps import (also as `next/*`), and the client
 * components that the server renders by reference. `nexxo/image` is left to the app's build: it
 * imports the app's image loader, and has no state to share.
 */
function frameworkClientModules(): { files: string[]; specifiers: Map<string, string> } {
  const file = frameworkFile;
  const specifiers = new Map(
    Object.entries(CLIENT_EXPORTS).flatMap(([name, path]) => [
      [`nexxo/${name}`, file(path)],
      ...Object.entries(SUPPORTED_NEXT_MODULES)
        .filter(([, target]) => target === `nexxo/${name}`)
        .map(([next]) => [next, file(path)] as [string, string]),
    ]),
  );
  const clientDir = file('client');
  const clientComponents = readdirSync(clientDir)
    .filter((name) => name.endsWith('.js') && /^\s*(['"])use client\1/.test(readFileSync(join(clientDir, name), 'utf8').slice(0, 100)))
    .map((name) => join(clientDir, name));
  return { files: [...new Set([file('client/dev/dev-runtime.js'), file('client/webpack-runtime.js'), file('client/call-server.js'), ...specifiers.values(), ...clientComponents])], specifiers };
}

/** The browser builds of `nexxo/*` modules that the runtime pre-bundle provides, by name. */
const CLIENT_EXPORTS: Record<string, string> = {
  link: 'exports/link.js',
  form: 'exports/form.js',
  navigation: 'exports/navigation.js',
  script: 'exports/script.js',
  dynamic: 'exports/dynamic.js',
  cache: 'exports/cache.client.js',
  headers: 'exports/headers.client.js',
};

/**
 * What each environment takes pre-bundled in development: React, its renderers and the RSC runtime
 * (the modules the framework imports), and React Refresh in the browser. Packages the app imports
 * besides these are bundled with the app; their imports of React resolve to these bundles.
 */
const PREBUNDLED_DEPS: Record<Environment, string[]> = {
  client: [fileURLToPath(new URL('../client/dev/refresh-setup.js', import.meta.url)), 'react', 'react/jsx-runtime', 'react/jsx-dev-runtime', 'react-dom', 'react-dom/client', 'react-server-dom-webpack/client.browser'],
  rsc: ['react', 'react/jsx-runtime', 'react/jsx-dev-runtime', 'react-dom', 'react-server-dom-webpack/server.edge'],
  ssr: ['react', 'react/jsx-runtime', 'react/jsx-dev-runtime', 'react-dom', 'react-dom/server.edge', 'react-server-dom-webpack/client.edge'],
};
