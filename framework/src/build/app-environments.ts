import type { BuildEnvironmentsOptions } from '@nexxo/compiler';
import { createHash, randomBytes } from 'node:crypto';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appModuleSource } from './app-module.js';
import { findMdxComponents } from './find-mdx-components.js';
import { findMiddleware, middlewareModuleSource } from './find-middleware.js';
import { BROWSER_ENV, frameworkDefines } from './framework-defines.js';
import { imageLoaderModule } from './image-settings.js';
import { SUPPORTED_NEXT_MODULES, nextCompatPlugin } from './next-compat.js';
import { routeFileChecks } from './route-file-checks.js';
import { metadataRoutesPlugin } from './metadata-routes.js';
import type { ScannedApp, ScannedRoute } from './scan-app.js';
import { clientEnvDefines, isMarkdownExtension, type ResolvedConfig } from '../config/index.js';

const distDir = fileURLToPath(new URL('..', import.meta.url));
/** URL prefix of the client build. */
export const CLIENT_BASE = '/_nexxo/';

/**
 * What `nexxo build` and `nexxo dev` give the compiler for an app: the framework's entries per
 * environment, the generated route module, the route-file checks and the `next/*` aliases.
 */
export function appEnvironments(options: {
  root: string;
  outDir: string;
  app: ScannedApp;
  buildId: string;
  mode: 'production' | 'development';
  graphRoots: string[];
  config: ResolvedConfig;
  /** NEXXO_PUBLIC_* / NEXT_PUBLIC_* variables (see loadEnv). */
  publicEnv: Record<string, string>;
}): BuildEnvironmentsOptions {
  const { root, app, config } = options;
  const checks = routeFileChecks(root, app);
  const middleware = findMiddleware(root, app.appDir);
  const development = options.mode === 'development';
  const { basePath } = config.routing;
  // Every environment knows the base path; config `env` is inlined everywhere, public variables too.
  const shared: Record<string, string> = { ...frameworkDefines(config), ...clientEnvDefines(options.publicEnv, config.env) };
  const nextCompat = nextCompatPlugin(root);
  return {
    root,
    outDir: options.outDir,
    mode: options.mode,
    rsc: { entry: join(distDir, 'rsc/entry.js'), plugins: [nextCompat, checks.plugin, metadataRoutesPlugin(distDir), ...config.plugins.rsc] },
    ssr: { entry: join(distDir, 'ssr/entry.js'), plugins: [nextCompat, ...config.plugins.ssr] },
    client: { entry: join(distDir, development ? 'client/dev/dev-entry.js' : 'client/browser-entry.js'), plugins: [nextCompat, ...config.plugins.client] },
    // On the server import.meta.env is process.env.
    define: { rsc: { ...shared, 'import.meta.env': 'process.env' }, ssr: { ...shared, 'import.meta.env': 'process.env' }, client: { ...shared, ...BROWSER_ENV } },
    // nexxo/og loads its fonts and WebAssembly from its own package files.
    serverExternals: [...config.serverExternalPackages, 'nexxo/og'],
    virtualModules: { 'virtual:nexxo/app': appModuleSource(app, options.buildId, root), 'virtual:nexxo/image-loader': imageLoaderModule(config), 'virtual:nexxo/middleware': middlewareModuleSource(root, middleware) },
    registerClientReferenceModule: join(distDir, 'rsc/client-reference.js'),
    isAppFile: (id) => id.startsWith(root + sep) && !id.includes(`${sep}node_modules${sep}`),
    onClientModule: checks.onClientModule,
    graphRoots: options.graphRoots,
    clientBase: basePath + CLIENT_BASE,
    clientDir: 'static/_nexxo',
    alias: { ...SUPPORTED_NEXT_MODULES, ...config.alias },
    serverActions: {
      salt: actionsSalt(root, options.mode),
      serverModule: join(distDir, 'rsc/server-actions/action-runtime.js'),
      ssrReferenceModule: join(distDir, 'ssr/server-reference.js'),
      clientReferenceModule: join(distDir, 'client/call-server.js'),
    },
    mdx: {
      ...config.mdx,
      componentsFile: findMdxComponents(root),
      // `.mdx` always compiles; `.md` only as a page extension (`@next/mdx` needs `extension: /\.mdx?$/` for it).
      md: config.pageExtensions.some((extension) => isMarkdownExtension(extension) && !extension.endsWith('mdx')),
    },
  };
}

/**
 * The secret behind action ids and the bound-arguments key. A new one for every production build,
 * so ids cannot be guessed and those of an old deployment stop working; `nexxo dev` keeps one per
 * app, so open pages keep working across edits and restarts.
 */
function actionsSalt(root: string, mode: 'production' | 'development'): string {
  return mode === 'production' ? randomBytes(32).toString('base64') : createHash('sha256').update('nexxo dev actions\0' + root).digest('base64');
}

