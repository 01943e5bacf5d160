import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { NexxoBuildError } from '@nexxo/compiler';
import { pathnameFor, type ManifestRoute, type Params, type PrerenderedPage } from '@nexxo/runtime';
import { renderStaticPage } from '@nexxo/runtime/cache';
import type * as RscEntry from '../rsc/entry.js';
import type * as SsrEntry from '../ssr/entry.js';
import type { ScannedRoute } from './scan-app.js';

export interface PrerenderInput {
  outDir: string;
  routes: ScannedRoute[];
  rsc: typeof RscEntry;
  ssr: typeof SsrEntry;
  bootstrapModule: string;
  preloadFor: (route: ScannedRoute) => string[];
  styles: Record<string, string[]>;
  /** Pages render for the URL the browser uses (their payload carries it). */
  basePath: string;
}

export interface PrerenderResult {
  rendering: Map<string, { rendering: ManifestRoute['rendering']; dynamicParams: boolean; paths: string[]; staticPaths?: string[]; reason?: string }>;
  pages: Record<string, PrerenderedPage>;
}

const CONCURRENCY = 4;

/**
 * Renders every route without request data to HTML + RSC payload at build time, in this process,
 * from the build's own entries. A route that reads request data while rendering becomes dynamic.
 */
export async function prerender(input: PrerenderInput): Promise<PrerenderResult> {
  const rendering: PrerenderResult['rendering'] = new Map();
  const pages: Record<string, PrerenderedPage> = {};
  const jobs: Array<{ route: ScannedRoute; params: Params; pathname: string }> = [];

  for (const route of input.routes) {
    if (route.type === 'route') {
      rendering.set(route.id, { rendering: 'dynamic', dynamicParams: true, paths: [] });
      continue;
    }
    const config = await input.rsc.routeConfig(route.id);
    const hasParams = route.pattern.some((part) => part.kind !== 'static');
    const entry: { rendering: ManifestRoute['rendering']; dynamicParams: boolean; paths: string[]; staticPaths?: string[]; reason?: string } = { rendering: 'dynamic', dynamicParams: config.dynamicParams, paths: [] };
    rendering.set(route.id, entry);
    const paramSets = hasParams ? await input.rsc.staticParams(route.id) : [{}];
    const pathnames = (paramSets ?? []).map((params) => {
      const pathname = pathnameFor(route.pattern, params);
      if (!pathname)
        throw new NexxoBuildError(
          'NEXXO_STATIC_PARAMS',
          `generateStaticParams of ${route.id} returned ${JSON.stringify(params)}. Each entry needs every param of the route as a non-empty string (a string array for a catch-all), other than "." or "..", e.g. { ${route.pattern.flatMap((part) => (part.kind === 'static' ? [] : [`${part.name}: '…'`])).join(', ')} }.`,
        );
      return { params, pathname };
    });
    // With dynamicParams = false the generated params are the only ones, even if the route renders per request.
    if (hasParams && paramSets && !config.dynamicParams) entry.staticPaths = pathnames.map(({ pathname }) => pathname);
    if (config.dynamic === 'force-dynamic' || config.revalidate === 0) {
      entry.reason = config.revalidate === 0 ? 'export const revalidate = 0' : "export const dynamic = 'force-dynamic'";
      continue;
    }
    if (!paramSets) continue;
    entry.rendering = hasParams ? 'ssg' : 'static';
    for (const { params, pathname } of pathnames) jobs.push({ route, params, pathname });
  }

  const dynamicRoutes = new Set<string>();
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      if (dynamicRoutes.has(job.route.id)) continue;
      const page = await prerenderPath(input, job.route, job.params, job.pathname);
      const entry = rendering.get(job.route.id)!;
      if ('dynamic' in page) {
        const config = await input.rsc.routeConfig(job.route.id);
        if (config.dynamic === 'error')
          throw new NexxoBuildError('NEXXO_DYNAMIC_ERROR', `Route ${job.route.id} has \`export const dynamic = 'error'\` but used ${page.dynamic} while prerendering ${job.pathname}. Remove that call, or change the route's dynamic setting.`);
        dynamicRoutes.add(job.route.id);
        entry.rendering = 'dynamic';
        entry.reason = page.dynamic;
        continue;
      }
      pages[job.pathname] = page;
      entry.paths.push(job.pathname);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  // A route that turned out dynamic serves nothing prerendered: every request renders.
  for (const routeId of dynamicRoutes) {
    const entry = rendering.get(routeId)!;
    for (const path of entry.paths) delete pages[path];
    entry.paths = [];
  }
  return { rendering, pages };
}

async function prerenderPath(input: PrerenderInput, route: ScannedRoute, params: Params, pathname: string): Promise<PrerenderedPage | { dynamic: string }> {
  const request = new Request(new URL(input.basePath && pathname === '/' ? input.basePath : input.basePath + pathname, 'http://localhost'));
  const page = await renderStaticPage({ rsc: input.rsc, ssr: input.ssr, request, routeId: route.id, params, styles: input.styles, bootstrapModule: input.bootstrapModule, preloadModules: input.preloadFor(route) });
  if (page.kind === 'dynamic') return { dynamic: page.reason };
  if (page.kind === 'error')
    throw new NexxoBuildError('NEXXO_PRERENDER_ERROR', `Error while prerendering ${pathname} (route ${route.id}, digest ${page.digest}); the error is printed above. Fix it, or make the route dynamic with \`export const dynamic = 'force-dynamic'\`.`);
  // `pathname` is canonical (each part percent-encoded, never `.` or `..`), so it is a safe file path.
  const base = pathname === '/' ? 'index' : pathname.slice(1);
  const files = { html: `${base}.html`, rsc: `${base}.rsc` };
  await mkdir(dirname(join(input.outDir, 'prerendered', files.html)), { recursive: true });
  await Promise.all([writeFile(join(input.outDir, 'prerendered', files.html), page.html), writeFile(join(input.outDir, 'prerendered', files.rsc), page.rsc)]);
  return { ...files, status: page.status, ...(page.revalidate === false ? {} : { revalidate: page.revalidate }) };
}
