import { loadRolldown } from '@nexxo/native';
import type { InputOptions, OutputChunk, OutputOptions, Plugin, RolldownOutput } from 'rolldown';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { escapeRegExp, exactly, relativeImportOf } from './plugins/hook-filters.js';
import { clientReferencesModule, clientReferencesPlugin, type ClientReference } from './plugins/client-references.js';
import { fileFetchesPlugin } from './plugins/file-fetches.js';
import { serverComponentChecksPlugin } from './plugins/server-component-checks.js';
import { boundaryChecksPlugin } from './plugins/boundary-checks.js';
import { virtualModulesPlugin } from './plugins/virtual-modules.js';
import { LIVE_ENTRY, liveModules } from './plugins/live-modules.js';
import { reactRefreshPlugin } from './plugins/react-refresh.js';
import { clientChunkGraph, reachableClientReferences, type ClientChunkGraph } from './chunk-graph.js';
import { createAssetPipeline, type AssetPipeline } from './assets/asset-pipeline.js';
import { collectStyles, importGraphOf, type ImportGraph } from './css/collect-styles.js';
import { cssPlugin } from './plugins/css.js';
import { CSS_FILE } from './css/css-compiler.js';
import { assetsPlugin } from './plugins/assets.js';
import { fontsPlugin } from './plugins/fonts.js';
import { mdxPlugin, type MdxOptions } from './plugins/mdx.js';
import { dynamicImportVarsPlugins } from './plugins/dynamic-import-vars.js';
import { chunkStats, type BundleStats } from './bundle-stats.js';
import { SERVER_ACTIONS_MODULE, serverActionsModule, serverReferencesPlugin, type ServerActionsOptions } from './plugins/server-references.js';
import { findActionFiles, type ActionFileIndex } from './server-actions/find-action-files.js';

export type BuildMode = 'production' | 'development';

export interface EnvironmentEntry {
  /** Absolute path (or virtual id) of the environment's entry module. */
  entry: string;
  plugins?: Plugin[];
}

export interface BuildEnvironmentsOptions {
  root: string;
  outDir: string;
  mode: BuildMode;
  rsc: EnvironmentEntry;
  ssr: EnvironmentEntry;
  client: EnvironmentEntry;
  /** Generated modules shared by all three environments, e.g. `virtual:nexxo/app`. */
  virtualModules?: Record<string, string>;
  /** Module exporting `registerClientReference` (see clientReferencesPlugin). */
  registerClientReferenceModule: string;
  /** Which modules are the app's own code (server component checks apply to them). */
  isAppFile: (id: string) => boolean;
  onClientModule?: (reference: ClientReference, error: (message: string) => never) => void;
  /** Files (route modules) whose reachable client references the result reports. */
  graphRoots: string[];
  /** URL prefix the client build is served under, e.g. `/_nexxo/`. */
  clientBase: string;
  /** Folder of the client build under outDir (default `static` + clientBase). */
  clientDir?: string;
  /** Development: emit React Refresh registrations in the client build (Fast Refresh). */
  refresh?: boolean;
  /** Import specifiers resolved as other specifiers (e.g. `next/link` → `nexxo/link`). */
  alias?: Record<string, string>;
  /** Development: modules each environment imports pre-bundled, by URL or file (see prebundleDeps). */
  prebundled?: Partial<Record<Environment, Map<string, string>>>;
  /**
   * Development: the client components inside a pre-bundled server runtime (see
   * prebundleServerRuntime). The app's rsc build does not see them; its other builds load them by id.
   */
  prebundledClientReferences?: Promise<ClientReference[]>;
  /**
   * Development: modules matching this go into one server chunk per environment whose name (and
   * content hash) stays the same across rebuilds, so a dev server that imports the new build
   * reuses React and the framework instead of evaluating a second copy.
   */
  stableServerModules?: RegExp;
  /**
   * Development: the generated modules the rsc entry's runtime imports (`virtualModules`, the server
   * action table) become live slots, filled by each build's entry (see live-modules.ts), so the
   * runtime's code stays the same from one rebuild to the next and the dev server keeps the runtime
   * it evaluated. The runtime is either pre-bundled (`prebundled.rsc` has the rsc entry and the
   * slots: see prebundleServerRuntime) or, with the slots and every other module that is not the
   * app's own (see `isAppFile`), in the rsc build's stable chunk.
   */
  liveRscRuntime?: boolean;
  /**
   * Development: environments whose previous output is still right (nothing they bundle changed)
   * are not rebuilt; their results are taken from `previous`.
   */
  reuse?: { previous: BuildEnvironmentsResult; environments: ReadonlySet<Environment> };
  /** Stylesheets and asset files; dev passes the same one to every rebuild (it caches). */
  assets?: AssetPipeline;
  /**
   * Development: the app's files that may define server actions, kept up to date with the file
   * watcher (see ActionFileIndex). Default: findActionFiles walks the app before each rsc build.
   */
  actionFiles?: ActionFileIndex;
  /** Replacements per environment, on top of `process.env.NODE_ENV` (public env vars, config `env`). */
  define?: Partial<Record<Environment, Record<string, string>>>;
  /** Packages the server builds leave to Node to import at run time (`serverExternalPackages`). */
  serverExternals?: string[];
  /** Honour `tsconfig.json` (`paths` such as `@/*`). Default true. */
  tsconfig?: boolean;
  /** Report each chunk's modules and their rendered sizes in the result's `stats` (`nexxo analyze`). */
  stats?: boolean;
  /** "use server" support: the modules the transforms point at, and the build's secret. */
  serverActions: ServerActionsOptions;
  /** MDX: the app's `mdx-components` file, `.md` pages, remark/rehype/recma plugins. `.mdx` compiles without it. */
  mdx?: MdxOptions;
}

export type Environment = 'rsc' | 'ssr' | 'client';

export interface BuildEnvironmentsResult {
  clientReferences: ClientReference[];
  /** For each of `graphRoots`: ids of the client references its server module graph renders. */
  reachableClientReferences: Map<string, string[]>;
  client: ClientChunkGraph;
  /** Every module of the rsc build (server components, route handlers and what they import). */
  serverModules: Set<string>;
  /** Folder names under outDir. */
  dirs: { rsc: string; ssr: string; client: string };
  /** The environments this call built (the others were reused). */
  rebuilt: Set<Environment>;
  /** For each of `graphRoots`: the URLs of the stylesheets it imports, in order. */
  styles: Map<string, string[]>;
  /** Every stylesheet in the build → its URL (dev swaps the URL when the file changes). */
  stylesheets: Map<string, string>;
  /** Files the stylesheets read besides themselves (@imports, Sass partials, Tailwind's sources). */
  stylesheetInputs: string[];
  /** Each environment's import graph (stylesheets of a later partial rebuild are collected from it). */
  importGraphs: { rsc: ImportGraph; client: ImportGraph };
  /** With `stats: true` (and no environment reused): chunks and module sizes of each environment. */
  stats?: BundleStats;
}

const clientVirtualId = 'virtual:nexxo/client-references';

/**
 * Builds the three environments of an app. rsc first: it discovers the client references that the
 * ssr and client builds then load by id; those two are independent and run in parallel.
 */
export async function buildEnvironments(buildOptions: BuildEnvironmentsOptions): Promise<BuildEnvironmentsResult> {
  let options = buildOptions;
  const { rolldown } = await loadRolldown();
  const previous = options.reuse?.previous;
  const reused = (environment: Environment) => previous !== undefined && options.reuse !== undefined && options.reuse.environments.has(environment);
  const references = new Map<string, ClientReference>(reused('rsc') ? previous!.clientReferences.map((reference) => [reference.id, reference]) : []);
  const dirs = { rsc: 'server/rsc', ssr: 'server/ssr', client: options.clientDir ?? 'static' + options.clientBase.replace(/\/$/, '') };
  const production = options.mode === 'production';
  let reachable = reused('rsc') ? previous!.reachableClientReferences : new Map<string, string[]>();
  let serverModules = reused('rsc') ? previous!.serverModules : new Set<string>();
  const assets = options.assets ?? createAssetPipeline({ root: options.root, production, base: options.clientBase });
  const importGraphs = { rsc: reused('rsc') ? previous!.importGraphs.rsc : new Map(), client: reused('client') ? previous!.importGraphs.client : new Map() };

  const graphPlugin: Plugin = {
    name: 'nexxo:rsc-graph',
    buildEnd() {
      reachable = reachableClientReferences(options.graphRoots, (id) => this.getModuleInfo(id), references);
      serverModules = new Set(this.getModuleIds());
      importGraphs.rsc = importGraphOf(this);
    },
  };
  const clientGraphPlugin: Plugin = {
    name: 'nexxo:client-graph',
    buildEnd() {
      importGraphs.client = importGraphOf(this);
    },
  };
  // Every file that may define actions, found before the rsc build: an action only a client
  // component imports is not in the server's graph, yet the server must load it by id.
  const actionFiles = reused('rsc') ? [] : (options.actionFiles?.files() ?? findActionFiles(options.root, [options.outDir]));
  const serverReferences = (environment: Environment) => serverReferencesPlugin(options.root, environment, options.serverActions);
  const assetPlugins = [assetsPlugin({ root: options.root, files: assets.files, css: assets.css }), cssPlugin(assets.css), fontsPlugin({ root: options.root, files: assets.files })];
  // One compiler for all three environments: an MDX file compiles the same wherever it is imported.
  const mdx = mdxPlugin({ componentsFile: null, md: false, ...options.mdx, development: !production });
  const importVars = await dynamicImportVarsPlugins(options.alias ?? {});
  const serverExternals = options.serverExternals?.length ? [serverExternalsPlugin(serverExternalsPattern(options.serverExternals), options.alias ?? {})] : [];
  const serverGenerated = {
    ...options.virtualModules,
    [SERVER_ACTIONS_MODULE]: () => serverActionsModule(options.root, options.serverActions.salt, actionFiles),
  };
  // A pre-bundled runtime (see prebundleServerRuntime) holds the slots; the build fills them.
  const live = options.liveRscRuntime ? liveModules(serverGenerated, options.rsc.entry, options.prebundled?.rsc?.has(options.rsc.entry) === true) : null;
  const generatedModules = (environment: Environment) => ({ ...(environment === 'rsc' && live ? live.modules : serverGenerated), [clientVirtualId]: () => clientReferencesModule(references.values()) });

  const shared = (environment: Environment, extraPlugins: Plugin[], refresh = false): InputOptions => ({
    cwd: options.root,
    platform: environment === 'client' ? 'browser' : 'node',
    resolve: { conditionNames: CONDITION_NAMES[environment], ...(options.alias ? { alias: options.alias } : {}) },
    tsconfig: options.tsconfig ?? true,
    // React projects put JSX in .js files too (Next.js allows it); JSX parsing is a superset of JS.
    moduleTypes: { '.js': 'jsx' },
    transform: {
      jsx: { runtime: 'automatic', development: !production, refresh },
      define: {
        ...options.define?.[environment],
        'process.env.NODE_ENV': JSON.stringify(options.mode),
        ...webpackGlobals(environment),
      },
    },
    plugins: [
      // First: every plugin after it sees an MDX file as the JavaScript it compiles to.
      mdx,
      virtualModulesPlugin(generatedModules(environment)),
      ...(environment === 'client' ? [] : [...serverExternals, fileFetchesPlugin(options.root)]),
      ...(options.prebundled?.[environment] ? [prebundledPlugin(options.prebundled[environment], environment === 'client' ? null : join(options.outDir, dirs[environment]))] : []),
      ...importVars,
      serverReferences(environment),
      ...extraPlugins,
      ...assetPlugins,
    ],
    logLevel: 'warn',
    onLog(level, log, defaultHandler) {
      // Harmless and expected: cycles inside react-dom, directives the compiler itself handled, and
      // client modules that are both in the entry chunk and loadable by client-reference id.
      if (log.code === 'CIRCULAR_DEPENDENCY' || log.code === 'EVAL' || log.code === 'MODULE_LEVEL_DIRECTIVE' || log.code === 'INEFFECTIVE_DYNAMIC_IMPORT') return;
      // Next.js's tsconfig has `"jsx": "preserve"`; Nexxo always compiles JSX itself, as Next.js does.
      if (log.code === 'CONFIGURATION_FIELD_CONFLICT' && log.message.includes('compilerOptions.jsx')) return;
      // An app file importing something that does not exist fails now, not when a page first runs.
      // (Packages in node_modules may import optional dependencies they guard themselves.)
      if (log.code === 'UNRESOLVED_IMPORT' && !/[\\/]node_modules[\\/]/.test(log.id ?? '')) {
        defaultHandler('error', log);
        return;
      }
      defaultHandler(level, log);
    },
  });

  const write = async (input: InputOptions, output: OutputOptions): Promise<RolldownOutput> => {
    const bundle = await rolldown(input);
    try {
      return await bundle.write(output);
    } finally {
      await bundle.close();
    }
  };

  const rscOutput = reused('rsc') ? null : await write(
    {
      ...shared(
        'rsc',
        [
          clientReferencesPlugin({ root: options.root, registerModule: options.registerClientReferenceModule, references, onClientModule: options.onClientModule }),
          serverComponentChecksPlugin({ isAppFile: options.isAppFile }),
          boundaryChecksPlugin({ environment: 'rsc', isAppFile: options.isAppFile }),
          graphPlugin,
          ...(options.rsc.plugins ?? []),
        ],
      ),
      input: { index: live ? LIVE_ENTRY : options.rsc.entry },
    },
    serverOutput(join(options.outDir, dirs.rsc), production, stableRscModule(options.stableServerModules, live && { isAppFile: options.isAppFile, slotIds: live.slotIds }), options.prebundled?.rsc !== undefined),
  );

  if (rscOutput && options.prebundledClientReferences) {
    // The runtime's client components (the router, error boundaries, Link…) are treated as used by
    // every route: which of them a route renders is inside the pre-bundle.
    const runtimeReferences = await options.prebundledClientReferences;
    for (const reference of runtimeReferences) references.set(reference.id, reference);
    reachable = new Map([...reachable].map(([root, ids]) => [root, [...new Set([...ids, ...runtimeReferences.map((reference) => reference.id)])]]));
  }
  // A server edit that adds or reshapes client references changes what the other two bundle (one
  // that only drops some leaves them right: a reference nobody renders is never loaded).
  if (previous && !reused('rsc') && !coversReferences(previous.clientReferences, references)) options = { ...options, reuse: undefined };
  const [client, ssrOutput] = await Promise.all([
    reused('client') ? null : write(
      {
        ...shared(
          'client',
          [
            clientGraphPlugin,
            boundaryChecksPlugin({ environment: 'client', isAppFile: options.isAppFile }),
            ...(options.refresh ? [reactRefreshPlugin({ root: options.root, isAppFile: options.isAppFile })] : []),
            ...(options.client.plugins ?? []),
          ],
          options.refresh,
        ),
        input: { main: options.client.entry },
      },
      {
        dir: join(options.outDir, dirs.client),
        format: 'esm',
        entryFileNames: '[name]-[hash].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        minify: production,
        sourcemap: !production,
      },
    ),
    reused('ssr') ? null : write(
      { ...shared('ssr', [boundaryChecksPlugin({ environment: 'ssr', isAppFile: options.isAppFile }), ...(options.ssr.plugins ?? [])]), input: { index: options.ssr.entry } },
      serverOutput(join(options.outDir, dirs.ssr), production, options.stableServerModules && ((id) => options.stableServerModules!.test(id)), options.prebundled?.ssr !== undefined),
    ),
  ]);

  const rebuilt = new Set<Environment>((['rsc', 'client', 'ssr'] as const).filter((environment) => !reused(environment)));
  const styleFiles = collectStyles(options.graphRoots, importGraphs, new Set([...references.values()].map((reference) => reference.file)));
  const stylesheets = new Map<string, string>();
  const stylesheetInputs = new Set<string>();
  for (const id of [...importGraphs.rsc.keys(), ...importGraphs.client.keys()]) {
    if (!CSS_FILE.test(id)) continue;
    const compiled = await assets.css.compile(id);
    stylesheets.set(id, compiled.href);
    for (const input of compiled.dependencies) if (input !== id) stylesheetInputs.add(input);
  }
  const styles = new Map([...styleFiles].map(([root, files]) => [root, files.map((file) => stylesheets.get(file)!)]));
  await assets.files.write(join(options.outDir, dirs.client));
  return {
    styles,
    stylesheets,
    stylesheetInputs: [...stylesheetInputs],
    importGraphs,
    rebuilt,
    clientReferences: [...references.values()],
    reachableClientReferences: reachable,
    serverModules,
    ...(options.stats && rscOutput && ssrOutput && client ? { stats: { rsc: chunkStats(rscOutput), ssr: chunkStats(ssrOutput), client: chunkStats(client) } } : {}),
    client: client ? clientChunkGraph(client.output.filter((item): item is OutputChunk => item.type === 'chunk'), references, options.clientBase, options.prebundled?.client) : previous!.client,
    dirs,
  };
}

/** The package.json export conditions each environment resolves under. */
export const CONDITION_NAMES: Record<Environment, string[]> = {
  rsc: ['react-server', 'node', 'import', 'module', 'default'],
  ssr: ['node', 'import', 'module', 'default'],
  client: ['browser', 'import', 'module', 'default'],
};

/**
 * React loads client components and server actions through webpack's globals. Each build gets its
 * own names: the rsc and ssr builds share one process, and a global `__webpack_require__` would also
 * fool packages that check for webpack (node-gyp-build, which loads classic-level).
 */
export function webpackGlobals(environment: Environment): Record<string, string> {
  const prefix = environment === 'rsc' ? '__nexxo_rsc' : '__nexxo_client';
  return { __webpack_require__: `globalThis.${prefix}_require__`, __webpack_chunk_load__: `globalThis.${prefix}_chunk_load__` };
}

/**
 * Imports of pre-bundled modules stay imports: of their URL in the browser; on the server, of their
 * file by a path relative to the output folder (a cached build is restored to another folder; the
 * server output puts every chunk in that folder, see serverOutput). Modules are named by package
 * specifier or, for files, by absolute path (imported by a relative path with its extension).
 */
export function prebundledPlugin(imports: Map<string, string>, outputDir: string | null): Plugin {
  const specifiers = [...imports.keys()].filter((key) => !isAbsolute(key));
  const files = [...imports.keys()].filter((key) => isAbsolute(key));
  return {
    name: 'nexxo:prebundled',
    resolveId: {
      // Files are imported relatively by their neighbours, and by absolute path from generated
      // modules (the client reference table, server action references).
      filter: { id: [exactly(specifiers), exactly(files), relativeImportOf(files.map((file) => basename(file)))] },
      handler(source, importer) {
        const target = imports.get(source) ?? (importer && source.startsWith('.') ? imports.get(resolve(dirname(importer), source)) : undefined);
        if (!target) return null;
        // A URL stays as it is, also when the import was relative: Rolldown would rewrite it as a
        // path relative to the output file on disk (`../../../../_nexxo/deps/…`), right in the
        // browser only because the extra `../` stop at the root.
        if (outputDir === null) return { id: target, external: 'absolute' };
        const path = relative(outputDir, target).split(sep).join('/');
        return { id: path.startsWith('.') ? path : `./${path}`, external: true };
      },
    },
  };
}

/**
 * Imports of `serverExternalPackages` stay imports in server bundles, also when written through an
 * alias (`next/og` → `nexxo/og`): Node resolves the target at run time.
 */
function serverExternalsPlugin(pattern: RegExp, alias: Record<string, string>): Plugin {
  return {
    name: 'nexxo:server-externals',
    resolveId: {
      filter: { id: [pattern, exactly(Object.keys(alias))] },
      handler(source) {
        const target = alias[source] ?? source;
        return pattern.test(target) ? { id: target, external: true } : null;
      },
    },
  };
}

/** Bare imports of the listed packages (and their subpaths). */
function serverExternalsPattern(packages: string[]): RegExp {
  const names = packages.map(escapeRegExp).join('|');
  return new RegExp(`^(?:${names})(?:/.*)?$`);
}

/** Whether the builds made for the `before` references serve every one of `after` as it is. */
function coversReferences(before: ClientReference[], after: Map<string, ClientReference>): boolean {
  const exportsBefore = new Map(before.map((reference) => [reference.id, reference.exports.join()]));
  return [...after.values()].every((reference) => exportsBefore.get(reference.id) === reference.exports.join());
}

const STABLE_CHUNK_NAME = 'vendor';

/**
 * The stable chunk (React and the framework, in development) gets no source map: Node reads the
 * map of every module it loads once source maps are on (the dev server's ~2 MB of them cost ~60 ms
 * on each start), and errors are located in the app's own files, which keep theirs.
 */
const stableChunkWithoutSourceMap: Plugin = {
  name: 'nexxo:stable-chunk-without-source-map',
  generateBundle(_options, bundle) {
    for (const [fileName, output] of Object.entries(bundle)) {
      if (output.type !== 'chunk' || output.name !== STABLE_CHUNK_NAME) continue;
      output.code = output.code.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
      delete bundle[`${fileName}.map`];
    }
  },
};

/**
 * Which modules go into the rsc build's stable chunk: the packages; with a live runtime every file
 * that is not the app's own, and the slots (other generated modules stay out: they change with the app).
 */
function stableRscModule(packages: RegExp | undefined, live: { isAppFile: (id: string) => boolean; slotIds: Set<string> } | null): ((id: string) => boolean) | undefined {
  if (!live) return packages && ((id) => packages.test(id));
  return (id) => (id.startsWith('\0') ? live.slotIds.has(id.slice(1)) : !live.isAppFile(id));
}

/** `flat`: chunks beside the entry, so one relative path reaches the pre-bundled dependencies from all. */
function serverOutput(dir: string, production: boolean, stable: ((id: string) => boolean) | undefined, flat: boolean): OutputOptions {
  return {
    ...(stable ? { codeSplitting: { groups: [{ name: STABLE_CHUNK_NAME, test: stable }] }, plugins: [stableChunkWithoutSourceMap] } : {}),
    dir,
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: flat ? '[name]-[hash].js' : 'chunks/[name]-[hash].js',
    minify: production ? 'dce-only' : false,
    sourcemap: !production,
  };
}
