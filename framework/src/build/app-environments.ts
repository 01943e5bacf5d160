import type { BuildEnvironmentsOptions } from '@nexxo/compiler';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appModuleSource } from './app-module.js';
import { nextCompatAliases } from './next-compat.js';
import { routeFileChecks } from './route-file-checks.js';
import type { ScannedApp, ScannedRoute } from './scan-app.js';

const distDir = fileURLToPath(new URL('..', import.meta.url));
/** URL prefix of the client build. */
export const CLIENT_BASE = '/_nexxo/';

/**
 * What `nexxo build` and `nexxo dev` give the compiler for an app: the framework's entries per
 * environment, the generated route module, the route-file checks and the `next/*` aliases.
 */
export function appEnvironments(options: { root: string; outDir: string; app: ScannedApp; buildId: string; mode: 'production' | 'development'; graphRoots: string[] }): BuildEnvironmentsOptions {
  const { root, app } = options;
  const checks = routeFileChecks(root, app);
  const development = options.mode === 'development';
  return {
    root,
    outDir: options.outDir,
    mode: options.mode,
    rsc: { entry: join(distDir, 'rsc/entry.js'), plugins: [checks.plugin] },
    ssr: { entry: join(distDir, 'ssr/entry.js') },
    client: { entry: join(distDir, development ? 'client/dev/dev-entry.js' : 'client/browser-entry.js') },
    virtualModules: { 'virtual:nexxo/app': appModuleSource(app, options.buildId, root) },
    registerClientReferenceModule: join(distDir, 'rsc/client-reference.js'),
    isAppFile: (id) => id.startsWith(root + sep) && !id.includes(`${sep}node_modules${sep}`),
    onClientModule: checks.onClientModule,
    graphRoots: options.graphRoots,
    clientBase: CLIENT_BASE,
    alias: nextCompatAliases,
  };
}

/** The files a route renders: every special file along its segments (global-error is in the root's). */
export function routeFiles(app: ScannedApp, route: ScannedRoute): string[] {
  return route.segments.flatMap((index, position) =>
    Object.entries(app.segments[index]!.files)
      .filter(([kind]) => position === route.segments.length - 1 || (kind !== 'page' && kind !== 'route'))
      .map(([, file]) => file),
  );
}
