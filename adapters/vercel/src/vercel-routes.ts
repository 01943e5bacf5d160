import { DEFAULT_ROUTING_CONFIG, compileRoutingRules, createRouteMatcher, middlewareMayMatch, type BuildManifest, type ManifestRoute } from '@nexxo/runtime';
import { RSC_PARAM } from '@nexxo/runtime/protocol';
import { configRoutes, trailingSlashRoute, type RouteMatch } from './config-routes.js';
import type { PlatformPage } from './function/prerender-revalidation.js';
import { middlewareRoutes } from './middleware-routes.js';
import { escapeRegExp, exactPathsSource, routeSource } from './route-regex.js';

/** A `has`/`missing` condition of a route (the same shape as Next's). */
export type VercelCondition = { type: 'header' | 'cookie' | 'query'; key: string; value?: string } | { type: 'host'; value: string };

/** A route of `config.json` (Build Output API v3): a source route or a phase handler. */
export type VercelRoute =
  | { src: string; has?: VercelCondition[]; missing?: VercelCondition[]; dest?: string; headers?: Record<string, string>; status?: number; continue?: boolean; check?: boolean }
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
 * How requests reach the build on Vercel, in the order Next.js routes them. Vercel's CDN applies
 * the config rules itself (see config-routes.ts) and answers what it can without a function; the
 * functions keep the whole routing, so whatever reaches them is answered as `nexxo start` would:
 *
 * 1. `/_nexxo/…` hashed assets get immutable caching, then config headers (`continue`), so a
 *    header rule wins as it does in the runtime;
 * 2. `/_nexxo/image` goes to Vercel's image optimizer;
 * 3. the trailing-slash redirect, then config redirects (before middleware, as in Next);
 * 4. pages with `revalidate` go to their prerender functions; RSC requests to a function;
 * 5. paths the middleware matcher may match go to a function, so the middleware always runs
 *    before anything below (beforeFiles rewrites come after it in Next);
 * 6. beforeFiles rewrites, then the file system: assets, `public/` files, prerendered HTML;
 * 7. afterFiles and fallback rewrites, each behind a route that sends the paths the app's routes
 *    serve to a function first (the runtime stops at a route; Vercel's `check` only at a file);
 * 8. `runtime = 'nodejs'` routes go to the Node.js function, everything else to the Edge one.
 *
 * `nodeRoutes`: ids of the routes the Node.js function serves (default: those that export
 * `runtime = 'nodejs'`).
 */
export function planRouting(manifest: BuildManifest, nodeRoutes: ReadonlySet<string> = new Set(manifest.routes.filter((route) => route.runtime === 'nodejs').map((route) => route.id))): RoutingPlan {
  const routing = manifest.routing ?? DEFAULT_ROUTING_CONFIG;
  const rules = compileRoutingRules(routing);
  const { basePath, trailingSlash } = routing;
  const plan: RoutingPlan = { routes: [], staticFiles: new Map(), overrides: {}, inlineFiles: [], prerenderFunctions: [], warnings: [] };

  const toEdge = '/' + EDGE_FUNCTION;
  const toNode = '/' + NODE_FUNCTION;
  const sourceOf = (routes: ManifestRoute[]) => (routes.length === 0 ? null : routes.length === 1 ? routeSource(routes[0]!.pattern, basePath) : `(?:${routes.map((route) => routeSource(route.pattern, basePath)).join('|')})`);
  const nodeSource = sourceOf(manifest.routes.filter((route) => nodeRoutes.has(route.id)));
  /** Routes that send what `match` matches to the function that serves its path. */
  const toFunction = (match: RouteMatch): VercelRoute[] => [...(nodeSource ? [{ ...match, src: `(?=${match.src})${nodeSource}`, dest: toNode }] : []), { ...match, dest: toEdge }];
  /** Routes that send the paths of `routes` to their functions (the Edge part only where something follows). */
  const toRouteFunctions = (routes: ManifestRoute[], edgeToo: boolean): VercelRoute[] => {
    const node = sourceOf(routes.filter((route) => nodeRoutes.has(route.id)));
    const edge = edgeToo ? sourceOf(routes.filter((route) => !nodeRoutes.has(route.id))) : null;
    return [...(node ? [{ src: node, dest: toNode }] : []), ...(edge ? [{ src: edge, dest: toEdge }] : [])];
  };

  const cdn = configRoutes(routing, rules, { toFunction, assets: `${basePath}/_nexxo` });
  plan.warnings.push(...cdn.kept);
  const keptHeaders = rules.headers.filter((_, index) => cdn.keptHeaders.has(index));
  const middlewareMatches = manifest.middleware ? middlewareMayMatch(manifest.middleware.matcher) : null;
  const middlewareMayRun = (url: string) => !!middlewareMatches && middlewareMatches(url.slice(basePath.length) || '/');
  const mayMatch = (list: Array<{ matchPath(path: string): unknown }>, url: string) => list.some((rule) => rule.matchPath(url) !== null);
  // The functions serve these themselves, so they are inlined: fetching them from the deployment
  // would route the fetch as the request was routed (back to the function, or to a rule's target).
  const mustInline = (url: string) => middlewareMayRun(url) || mayMatch(rules.redirects, url) || mayMatch(rules.rewrites.beforeFiles, url) || mayMatch(keptHeaders, url);
  const matchRoute = createRouteMatcher(manifest.routes);
  const prefix = basePath.slice(1);
  const under = (path: string) => (prefix ? prefix + path : path.slice(1));

  for (const file of manifest.staticFiles) {
    const url = basePath + file;
    plan.staticFiles.set(under(file), 'static' + file);
    if (file.startsWith('/_nexxo/')) {
      if (mayMatch(keptHeaders, url)) plan.warnings.push(`A headers rule the functions apply matches ${url}: on Vercel, it is not added to /_nexxo/ build assets (the CDN serves them).`);
      continue;
    }
    if (mustInline(url)) plan.inlineFiles.push('static' + file);
  }

  for (const [path, page] of Object.entries(manifest.prerendered)) {
    plan.inlineFiles.push('prerendered/' + page.html, 'prerendered/' + page.rsc);
    const url = basePath + (path === '/' ? '' : path) || '/';
    const file = under('/' + page.html);
    // The CDN's file system comes before afterFiles rewrites; the runtime applies them before a dynamic route's page.
    if (page.status !== 200 || trailingSlash || middlewareMayRun(url) || mayMatch(rules.rewrites.afterFiles, url) || plan.staticFiles.has(file)) continue;
    const routeId = matchRoute(path.split('/').filter(Boolean))?.route.id;
    if (page.revalidate !== undefined && page.revalidate > 0 && routeId) {
      // Prerender functions come before beforeFiles rewrites: a page one may match stays with the function.
      if (mayMatch(rules.rewrites.beforeFiles, url)) continue;
      const name = ISR_PREFIX + plan.prerenderFunctions.length;
      plan.prerenderFunctions.push({ name, page: { pathname: path, routeId, url }, html: 'prerendered/' + page.html, rsc: 'prerendered/' + page.rsc, revalidate: page.revalidate });
      continue;
    }
    plan.staticFiles.set(file, 'prerendered/' + page.html);
    // `index.html` at the root is served at `/` by Vercel itself.
    if (file !== 'index.html') plan.overrides[file] = { path: url.slice(1), contentType: 'text/html; charset=utf-8' };
  }

  const base = escapeRegExp(basePath);
  const rsc = [{ type: 'query' as const, key: RSC_PARAM }];
  const routes = plan.routes;
  routes.push({ src: `^${base}/_nexxo/(?!image$).+$`, headers: { 'Cache-Control': IMMUTABLE }, continue: true });
  routes.push(...cdn.headers);
  if (manifest.images) routes.push({ src: `^${base}/_nexxo/image$`, dest: '/_vercel/image' });
  routes.push(trailingSlashRoute(basePath, trailingSlash));
  routes.push(...cdn.redirects);
  for (const { name, page } of plan.prerenderFunctions) {
    const query = `?${PAGE_PARAM}=${encodeURIComponent(page.url)}`;
    routes.push({ src: exactPathsSource([page.url]), has: rsc, dest: `/${name}.rsc${query}&${RSC_PARAM}=1` });
    routes.push({ src: exactPathsSource([page.url]), dest: `/${name}${query}` });
  }
  if (nodeSource) routes.push({ src: nodeSource, has: rsc, dest: toNode });
  routes.push({ src: '^/.*$', has: rsc, dest: toEdge });
  if (manifest.middleware) for (const match of middlewareRoutes(manifest.middleware.matcher, basePath)) routes.push(...toFunction(match));
  routes.push(...cdn.beforeFiles);
  routes.push({ handle: 'filesystem' });
  const rewrites = [...cdn.afterFiles.map((rule) => ({ rule, afterFiles: true })), ...cdn.fallback.map((rule) => ({ rule, afterFiles: false }))];
  for (const [index, { rule, afterFiles }] of rewrites.entries()) {
    // afterFiles rewrites apply before dynamic routes, fallback ones only when no route matched, and
    // either phase stops at a path a route serves.
    const served = index === 0 && afterFiles ? manifest.routes.filter((route) => route.pattern.every((part) => part.kind === 'static')) : manifest.routes;
    routes.push(...toRouteFunctions(served, true), ...rule);
  }
  routes.push(...toRouteFunctions(manifest.routes, false));
  routes.push({ src: '^/.*$', dest: toEdge });
  return plan;
}
