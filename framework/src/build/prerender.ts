import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { NexxoBuildError } from '@nexxo/compiler';
import { pathnameFor, type ManifestRoute, type Params, type PrerenderedPage } from '@nexxo/runtime';
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
    if (config.dynamic === 'force-dynamic') {
      entry.reason = "export const dynamic = 'force-dynamic'";
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
  let rendered = await input.rsc.renderPage({ request, routeId: route.id, params, clientKeys: null, phase: 'prerender', styles: input.styles });
  let payload = await readAll(rendered.stream);
  if (rendered.signals.dynamicUsage) return { dynamic: rendered.signals.dynamicUsage };
  if (rendered.signals.redirect) return { dynamic: 'redirect()' };
  if (rendered.signals.error)
    throw new NexxoBuildError('NEXXO_PRERENDER_ERROR', `Error while prerendering ${pathname} (route ${route.id}, digest ${rendered.signals.error.digest}); the error is printed above. Fix it, or make the route dynamic with \`export const dynamic = 'force-dynamic'\`.`);
  const options = { bootstrapModule: input.bootstrapModule, preloadModules: input.preloadFor(route) };
  let status = 200;
  let html = await input.ssr.renderHtml(streamOf(payload), options);
  if (html.kind === 'not-found' || rendered.signals.notFound) {
    status = 404;
    if (html.kind === 'html' || html.kind === 'error') await html.stream.cancel();
    rendered = await input.rsc.renderPage({ request, routeId: route.id, params, clientKeys: null, phase: 'prerender', notFound: true, styles: input.styles });
    payload = await readAll(rendered.stream);
    html = await input.ssr.renderHtml(streamOf(payload), options);
  }
  if (html.kind !== 'html') return { dynamic: html.kind === 'redirect' ? 'redirect()' : 'an error' };
  const body = await readAll(html.stream);
  // `pathname` is canonical (each part percent-encoded, never `.` or `..`), so it is a safe file path.
  const base = pathname === '/' ? 'index' : pathname.slice(1);
  const files = { html: `${base}.html`, rsc: `${base}.rsc` };
  await mkdir(dirname(join(input.outDir, 'prerendered', files.html)), { recursive: true });
  await Promise.all([writeFile(join(input.outDir, 'prerendered', files.html), body), writeFile(join(input.outDir, 'prerendered', files.rsc), payload)]);
  return { ...files, status };
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new Response(bytes).body!;
}
