import { compileRoutingRules, middlewareMayMatch, type BuildManifest } from '@nexxo/runtime';
import { RSC_PARAM } from '@nexxo/runtime/protocol';
import { createRouteMatcher } from '@nexxo/runtime';
import type { PlatformPage } from './function/prerender-revalidation.js';
import { escapeRegExp, exactPathsSource, routeSource } from './route-regex.js';

/** A route of `config.json` (Build Output API v3): a source route or a phase handler. */
export type VercelRoute =
  | { src: string; dest?: string; headers?: Record<string, string>; continue?: boolean; status?: number; has?: Array<{ type: 'query' | 'header'; key: string }> }
  | { handle: 'filesystem' };

export interface RoutingPlan {
  routes: VercelRoute[];
  /** `static/` files (relative, `.vercel/output/static/…`) → the build file to copy there. */
  staticFiles: Map<string, string>;
  /** `config.json` `overrides`: prerendered HTML served at its clean URL. */
  overrides: Record<string, { path: string; contentType: string }>;
  /** Build files (`static/…`, `prerendered/…`) inlined into the functions, which serve them themselves. */
  inlineFiles: string[];
  /** Pages with `revalidate` that Vercel's CDN caches and regenerates through prerender functions. */
  prerenderFunctions: PrerenderFunction[];
  warnings: string[];
}

/** `functions/<name>.func` (and `<name>.rsc.func`): a prerender function for one page with `revalidate`. */
export interface PrerenderFunction {
  name: string;
  page: PlatformPage;
  /** Build files of its fallback, the prerendered page. */
  html: string;
  rsc: string;
  /** Seconds until Vercel regenerates it (its `expiration`). */
  revalidate: number;
}

/** The query parameter that carries a prerender function's page pathname (Vercel invokes it at its own path). */
export const PAGE_PARAM = '__nexxo_page';
/** Where prerender functions live: `functions/_nexxo/isr/<n>.func`, symlinks to `ISR_FUNCTION`. */
export const ISR_PREFIX = '_nexxo/isr/';
/** The Node.js function every prerender function links to: it renders pages afresh, without streaming. */
export const ISR_FUNCTION = '_nexxo/isr-render';

/** The function every request the CDN cannot answer goes to; `node` takes `runtime = 'nodejs'` routes. */
export const EDGE_FUNCTION = 'index';
export const NODE_FUNCTION = 'node';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * How requests reach the build on Vercel. The Hono app (in the function) is the one place that
 * applies redirects, rewrites, headers, basePath and trailing slashes, exactly as on Node; Vercel's
 * CDN answers only what the app would answer the same way without running:
 *
 * - `/_nexxo/…` hashed assets (immutable caching), always;
 * - `public/` files and prerendered HTML that no redirect, `beforeFiles` rewrite, header rule or
 *   middleware matcher can match (conditions are ignored, so this errs towards the function),
 *   with status 200;
 * - a prerendered page with `revalidate` that it could serve that way goes to a prerender
 *   function instead: Vercel caches its HTML and RSC payload and regenerates them after
 *   `revalidate` seconds or on request of revalidatePath/revalidateTag;
 * - everything else, and every RSC request (`?_rsc`), goes to the function, which has the
 *   prerendered pages and the rule-matched files inlined.
 */
export function planRouting(manifest: BuildManifest): RoutingPlan {
  const routing = manifest.routing;
  const rules = routing ? compileRoutingRules(routing) : null;
  const basePath = routing?.basePath ?? '';
  const trailingSlash = routing?.trailingSlash ?? false;
  const middlewareMatches = manifest.middleware ? middlewareMayMatch(manifest.middleware.matcher) : null;
  const ruleMayMatch = (url: string) =>
    (!!middlewareMatches && middlewareMatches(url.slice(basePath.length) || '/')) ||
    (!!rules && (rules.redirects.some((rule) => rule.matchPath(url)) || rules.rewrites.beforeFiles.some((rule) => rule.matchPath(url)) || rules.headers.some((rule) => rule.matchPath(url))));
  const plan: RoutingPlan = { routes: [], staticFiles: new Map(), overrides: {}, inlineFiles: [], prerenderFunctions: [], warnings: [] };
  const matchRoute = createRouteMatcher(manifest.routes);
  const functionPaths: string[] = [];
  const prefix = basePath.slice(1);
  const under = (path: string) => (prefix ? prefix + path : path.slice(1));

  for (const file of manifest.staticFiles) {
    const url = basePath + file;
    plan.staticFiles.set(under(file), 'static' + file);
    if (file.startsWith('/_nexxo/')) {
      if (rules?.headers.some((rule) => rule.matchPath(url))) plan.warnings.push(`A headers rule matches ${url}: on Vercel, config headers are not added to /_nexxo/ build assets (the CDN serves them).`);
      continue;
    }
    if (ruleMayMatch(url)) {
      functionPaths.push(url);
      plan.inlineFiles.push('static' + file);
    }
  }

  for (const [path, page] of Object.entries(manifest.prerendered)) {
    plan.inlineFiles.push('prerendered/' + page.html, 'prerendered/' + page.rsc);
    const url = basePath + (path === '/' ? '' : path) || '/';
    const file = under('/' + page.html);
    if (page.status !== 200 || trailingSlash || ruleMayMatch(url) || plan.staticFiles.has(file)) continue;
    const routeId = matchRoute(path.split('/').filter(Boolean))?.route.id;
    if (page.revalidate !== undefined && page.revalidate > 0 && routeId) {
      const name = ISR_PREFIX + plan.prerenderFunctions.length;
      plan.prerenderFunctions.push({ name, page: { pathname: path, routeId, url }, html: 'prerendered/' + page.html, rsc: 'prerendered/' + page.rsc, revalidate: page.revalidate });
      continue;
    }
    plan.staticFiles.set(file, 'prerendered/' + page.html);
    // `index.html` at the root is served at `/` by Vercel itself.
    if (file !== 'index.html') plan.overrides[file] = { path: url.slice(1), contentType: 'text/html; charset=utf-8' };
  }

  const base = escapeRegExp(basePath);
  if (manifest.images) plan.routes.push({ src: `^${base}/_nexxo/image$`, dest: '/_vercel/image' });
  for (const { name, page } of plan.prerenderFunctions) {
    const query = `?${PAGE_PARAM}=${encodeURIComponent(page.url)}`;
    plan.routes.push({ src: exactPathsSource([page.url]), has: [{ type: 'query', key: RSC_PARAM }], dest: `/${name}.rsc${query}&${RSC_PARAM}=1` });
    plan.routes.push({ src: exactPathsSource([page.url]), dest: `/${name}${query}` });
  }
  for (const route of manifest.routes) if (route.runtime === 'nodejs') plan.routes.push({ src: routeSource(route.pattern, basePath), dest: '/' + NODE_FUNCTION });
  plan.routes.push({ src: '^/.*$', has: [{ type: 'query', key: RSC_PARAM }], dest: '/' + EDGE_FUNCTION });
  if (functionPaths.length > 0) plan.routes.push({ src: exactPathsSource(functionPaths), dest: '/' + EDGE_FUNCTION });
  plan.routes.push({ src: `^${base}/_nexxo/(?!image$).+$`, headers: { 'Cache-Control': IMMUTABLE }, continue: true });
  plan.routes.push({ handle: 'filesystem' });
  plan.routes.push({ src: '^/.*$', dest: '/' + EDGE_FUNCTION });
  return plan;
}
