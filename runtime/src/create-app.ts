import { Hono, type Context } from 'hono';
import { contentTypeFor } from './content-type.js';
import { createImageEndpoint } from './image/image-endpoint.js';
import { IMAGE_ENDPOINT } from './image/image-params.js';
import type { ImageService } from './image/image-service.js';
import type { RscEntry, SsrEntry } from './entries.js';
import type { BuildManifest, ManifestRoute, Params } from './manifest.js';
import { canonicalPathname, createRouteMatcher } from './route-matcher.js';
import { DEFAULT_ROUTING_CONFIG } from './routing-config.js';
import { compileRoutingRules, matchHeaders, matchRedirect, matchRewrite, stripBasePath, type RewritePhase, type RoutingRequest } from './routing-rules.js';
import { decodePathParts } from './url-path.js';
import { applyMiddleware, stripMiddlewareHeaders, withMiddlewareHeaders } from './middleware/apply-middleware.js';
import { compileMiddlewareMatcher } from './middleware/middleware-matcher.js';
import { ACTION_HEADER, ACTION_REDIRECT_HEADER, PREFETCH_HEADER, RSC_CONTENT_TYPE, RSC_PARAM, TREE_HEADER, decodeTree } from './protocol.js';
import { createMemoryCacheHandler } from './cache/memory-cache-handler.js';
import { createIncrementalPages } from './cache/incremental-pages.js';
import type { CacheHandler } from './cache/cache-handler.js';
import { DEFAULT_SERVER_ACTIONS_CONFIG, cookieHeaderAfter, isAllowedActionOrigin, readBodyWithin } from './server-actions/action-guards.js';

/** Reads a file of the build output by its path relative to the output folder; null if absent. */
export type ReadBuildFile = (path: string) => Promise<ReadableStream<Uint8Array> | Uint8Array | null>;

export interface ServerBuild {
  manifest: BuildManifest;
  rsc: RscEntry;
  ssr: SsrEntry;
}

export interface CreateAppOptions {
  build: ServerBuild;
  /** Platform I/O: how this platform reads the build's files. */
  readFile: ReadBuildFile;
  /** The platform's image optimizer. Without one, `/_nexxo/image` serves local images unchanged and redirects to remote ones. */
  images?: ImageService;
  /**
   * Where fetch caching, unstable_cache and regenerated pages are kept (the platform's store; an
   * in-memory cache of this process without one).
   */
  cache?: CacheHandler;
  /** Called with the incoming request and the app path a middleware rewrote it to (`nexxo dev` compiles that route on demand). */
  onMiddlewareRewrite?: (request: Request, pathname: string) => void;
  /**
   * Prerendered pages (canonical pathnames) that the platform caches and regenerates itself, such
   * as Vercel's prerender functions: the app renders them afresh on every request that reaches it.
   */
  regeneratedByPlatform?: ReadonlySet<string>;
}

/** Client chunks, stylesheets and imported assets have content hashes in their names. */
const IMMUTABLE_PREFIX = '/_nexxo/';
const DYNAMIC_CACHE_CONTROL = 'private, no-cache, no-store, max-age=0, must-revalidate';

/**
 * The request handler for a build: config redirects, middleware, rewrites and headers, static files,
 * prerendered pages, RSC payloads, dynamic renders and route handlers. Web-standard APIs only, so
 * every adapter runs it unchanged.
 */
export function createApp({ build, readFile, images, onMiddlewareRewrite, regeneratedByPlatform, cache = createMemoryCacheHandler() }: CreateAppOptions): Hono {
  const { manifest, rsc, ssr } = build;
  rsc.configureCache?.(cache);
  const incremental = createIncrementalPages({
    cache,
    builtAt: manifest.builtAt ?? 0,
    render: { rsc, ssr, styles: manifest.styles, bootstrapModule: manifest.client.entry },
  });
  const routing = manifest.routing ?? DEFAULT_ROUTING_CONFIG;
  const rules = compileRoutingRules(routing);
  const { basePath } = routing;
  const matchRoute = createRouteMatcher(manifest.routes);
  const staticFiles = new Set(manifest.staticFiles);
  const imageEndpoint = manifest.images && createImageEndpoint({ config: manifest.images, basePath, staticFiles, readFile, service: images });
  // Compiled once, at start: an invalid matcher fails the server's start, not a request.
  const actionsConfig = manifest.serverActions ?? DEFAULT_SERVER_ACTIONS_CONFIG;
  const middlewareEntry = rsc.middleware?.() ?? null;
  const middleware = middlewareEntry ? { entry: middlewareEntry, matches: compileMiddlewareMatcher(middlewareEntry.matcher) } : null;
  const app = new Hono();

  app.all('*', async (c) => {
    const raw = stripMiddlewareHeaders(c.req.raw);
    const url = new URL(raw.url);
    const parts = decodePathParts(url.pathname);
    if (!parts) return c.text('Bad Request: the URL has malformed percent-encoding.', 400);
    const request: RoutingRequest = { pathname: '/' + parts.join('/') + (parts.length > 0 && url.pathname.endsWith('/') ? '/' : ''), search: url.search, headers: raw.headers, host: c.req.header('host') ?? url.host };
    const response = await handle(c, raw, request);
    return withConfigHeaders(response, matchHeaders(rules, request));
  });

  app.onError((error, c) => {
    console.error('[nexxo] Request failed:', c.req.method, c.req.url, error);
    return c.text('Internal Server Error', 500);
  });

  /** Next.js's order: the trailing-slash redirect, config redirects, then middleware, then the rest of routing (see route). */
  async function handle(c: Context, raw: Request, request: RoutingRequest): Promise<Response> {
    const inner = stripBasePath(request.pathname, basePath);
    if (inner !== null && inner.length > 1 && inner.endsWith('/') !== routing.trailingSlash && !(routing.trailingSlash && /\.[^/]+$/.test(inner))) {
      // Built from the decoded parts: a raw `//evil.com/` must not become a `//evil.com` redirect.
      return c.redirect(basePath + canonicalPathname(inner.split('/').filter(Boolean)) + (routing.trailingSlash ? '/' : '') + request.search, 308);
    }
    // Config redirects and rewrites never apply to the image endpoint, as to /_nexxo/ files.
    const image = imageEndpoint && request.pathname === basePath + IMAGE_ENDPOINT ? imageEndpoint : null;
    const redirect = image ? null : matchRedirect(rules, request);
    if (redirect) return new Response(null, { status: redirect.status, headers: { Location: redirect.location } });

    // No header can skip this (CVE-2025-29927 was such a header in Next.js): only the matcher decides.
    if (!middleware || inner === null || !middleware.matches(inner, request.search, raw.headers, request.host)) {
      return image ? image(raw) : route(c, raw, request);
    }
    const result = await applyMiddleware(middleware.entry, raw);
    if (result.kind === 'response') return result.response;
    const next = result.request;
    let current: RoutingRequest = { ...request, headers: next.headers };
    if (result.rewrite) {
      if (result.rewrite.origin !== url(raw).origin) return withMiddlewareHeaders(await proxy(next, result.rewrite.href), result.headers);
      const pathname = decodePath(result.rewrite.pathname);
      // `new URL('/x', request.url)` has no base path; `request.nextUrl.clone()` has it.
      current = { ...current, pathname: stripBasePath(pathname, basePath) === null ? basePath + (pathname === '/' && basePath ? '' : pathname) : pathname, search: result.rewrite.search };
      onMiddlewareRewrite?.(c.req.raw, current.pathname);
    }
    const response = image && !result.rewrite ? await image(next) : await route(c, next, current);
    return withMiddlewareHeaders(response, result.headers);
  }

  /** Next.js's order after middleware: beforeFiles rewrites, files and static routes, afterFiles rewrites, dynamic routes, fallback rewrites. */
  async function route(c: Context, raw: Request, request: RoutingRequest): Promise<Response> {
    let current = request;
    /** Applies a phase's rewrites to `current`: true if it changed, or the proxied response. */
    const rewrite = (phase: RewritePhase): Promise<Response> | boolean => {
      const rewritten = matchRewrite(rules, phase, current, phase === 'beforeFiles' ? undefined : (path) => resolves(decodePath(path)));
      if (!rewritten) return false;
      if ('url' in rewritten) return proxy(raw, rewritten.url);
      current = { ...current, pathname: decodePath(rewritten.pathname), search: rewritten.search };
      return true;
    };
    const before = rewrite('beforeFiles');
    if (before instanceof Promise) return before;

    const pending: RewritePhase[] = ['afterFiles', 'fallback'];
    for (;;) {
      const inner = stripBasePath(current.pathname, basePath);
      if (inner === null) return c.text('Not Found', 404);
      const parts = inner.split('/').filter(Boolean);
      const pathname = '/' + parts.join('/');
      const method = c.req.method;
      if ((method === 'GET' || method === 'HEAD') && staticFiles.has(pathname)) {
        return serveFile(c, 'static' + pathname, contentTypeFor(pathname), pathname.startsWith(IMMUTABLE_PREFIX) ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate');
      }
      const match = matchRoute(parts);
      const isStaticMatch = match !== null && match.route.pattern.every((part) => part.kind === 'static');
      // afterFiles rewrites apply before dynamic routes; fallback ones only when nothing matched.
      const phase = isStaticMatch || (match && pending[0] !== 'afterFiles') ? undefined : pending.shift();
      if (phase) {
        const outcome = rewrite(phase);
        if (outcome instanceof Promise) return outcome;
        // Rewritten: route the new path. Not: a path nothing matched still has its fallback phase.
        if (outcome || !match) continue;
      }
      return serveRoute(c, match, parts, current.search === new URL(raw.url).search ? raw : withSearch(raw, current.search));
    }
  }

  /** Whether a rewritten path is served by a static file or a route. */
  function resolves(pathname: string): boolean {
    const inner = stripBasePath(pathname, basePath);
    if (inner === null) return false;
    const parts = inner.split('/').filter(Boolean);
    return staticFiles.has('/' + parts.join('/')) || matchRoute(parts) !== null;
  }

  async function serveRoute(c: Context, match: ReturnType<typeof matchRoute>, parts: string[], request: Request): Promise<Response> {
    const method = c.req.method;
    if (match?.route.type === 'route') return rsc.handleRoute(request, match.route.id, match.params);
    if (method === 'POST' && isActionRequest(request)) return serveAction(request, match);
    const isRsc = new URL(request.url).searchParams.has(RSC_PARAM);
    if (match && method !== 'GET' && method !== 'HEAD') {
      return c.text(`Method ${method} is not allowed for a page.`, 405, { Allow: 'GET, HEAD' });
    }
    if (match) {
      const canonical = canonicalPathname(parts);
      const prerendered = manifest.prerendered[canonical];
      if (isRsc && request.headers.get(PREFETCH_HEADER) && !prerendered) {
        // Dynamic pages are not prefetched: their data must be fresh when the user clicks.
        return new Response(null, { status: 204, headers: { 'Cache-Control': DYNAMIC_CACHE_CONTROL } });
      }
      if (prerendered && !regeneratedByPlatform?.has(canonical)) {
        const page = await incremental.lookup({ pathname: canonical, url: new URL(basePath && canonical === '/' ? basePath : basePath + canonical, request.url), route: match.route, params: match.params, prerendered, waitUntil: (work) => waitUntil(c, work) });
        if (page) {
          const body = c.req.method === 'HEAD' ? null : ((isRsc ? page.rsc : page.html) as BodyInit);
          return new Response(body, { status: page.status, headers: { 'Content-Type': isRsc ? RSC_CONTENT_TYPE : 'text/html; charset=utf-8', 'Cache-Control': 'public, max-age=0, must-revalidate' } });
        }
        return isRsc
          ? serveFile(c, 'prerendered/' + prerendered.rsc, RSC_CONTENT_TYPE, 'public, max-age=0, must-revalidate', prerendered.status)
          : serveFile(c, 'prerendered/' + prerendered.html, 'text/html; charset=utf-8', 'public, max-age=0, must-revalidate', prerendered.status);
      }
      if (match.route.staticPaths && !match.route.staticPaths.includes(canonical)) return renderPage(request, null, {}, isRsc);
    }
    return renderPage(request, match?.route ?? null, match?.params ?? {}, isRsc);
  }

  async function serveFile(c: Context, path: string, contentType: string, cacheControl: string, status = 200): Promise<Response> {
    const body = await readFile(path);
    if (!body) return c.text('Not Found', 404);
    return new Response(c.req.method === 'HEAD' ? null : (body as BodyInit), { status, headers: { 'Content-Type': contentType, 'Cache-Control': cacheControl } });
  }

  /**
   * A server action posted to a page: by the router (it gets the return value and the changed page
   * in one response) or by a form without JavaScript (it gets the page, or the redirect).
   */
  async function serveAction(posted: Request, match: ReturnType<typeof matchRoute>): Promise<Response> {
    const fromRouter = posted.headers.has(ACTION_HEADER);
    if (!isAllowedActionOrigin(posted, actionsConfig.allowedOrigins)) {
      return new Response('Forbidden: this server action was posted from another site. Add its host to serverActions.allowedOrigins in nexxo.config if it is yours.', { status: 403 });
    }
    const request = await readBodyWithin(posted, actionsConfig.bodySizeLimit);
    if (!request) return new Response(`Payload Too Large: a server action accepts at most ${actionsConfig.bodySizeLimit} bytes (serverActions.bodySizeLimit in nexxo.config).`, { status: 413 });
    const route = match?.route ?? null;
    const params = match?.params ?? {};
    const result = await rsc.handleAction({ request, routeId: route?.id ?? null, params, clientKeys: fromRouter ? decodeTree(request.headers.get(TREE_HEADER)) : null, styles: manifest.styles });
    switch (result.kind) {
      case 'unknown':
        return fromRouter
          ? new Response('Not Found: this build has no server action with that id (the page comes from an older deployment). Reload the page.', { status: 404 })
          : new Response('Method POST is not allowed for a page.', { status: 405, headers: { Allow: 'GET, HEAD' } });
      case 'rsc':
        return withSetCookies(new Response(result.stream, { headers: { 'Content-Type': RSC_CONTENT_TYPE, 'Cache-Control': DYNAMIC_CACHE_CONTROL } }), result.cookies);
      case 'render': {
        const status = result.failed ? 500 : undefined;
        return withSetCookies(await renderPage(request, route, params, false, { notFound: result.notFound, formState: result.formState, status }), result.cookies);
      }
      case 'redirect': {
        if (!fromRouter) return withSetCookies(new Response(null, { status: 303, headers: { Location: result.target.url } }), result.cookies);
        return withSetCookies(await redirectPayload(request, new URL(result.target.url, request.url), result.cookies), result.cookies);
      }
    }
  }

  /** After an action's redirect(), the router gets the target page's payload in the same response. */
  async function redirectPayload(request: Request, target: URL, cookies: string[]): Promise<Response> {
    if (target.origin !== new URL(request.url).origin) return new Response(null, { headers: { [ACTION_REDIRECT_HEADER]: target.href } });
    const location = target.pathname + target.search;
    target.searchParams.set(RSC_PARAM, '1');
    const headers = new Headers({ accept: RSC_CONTENT_TYPE, cookie: cookieHeaderAfter(request.headers.get('cookie'), cookies) });
    const tree = request.headers.get(TREE_HEADER);
    if (tree) headers.set(TREE_HEADER, tree);
    // Through the whole app: the target may be rewritten, guarded by middleware or prerendered.
    const page = await app.fetch(new Request(target, { headers }));
    const response = new Response(page.body, page);
    response.headers.set(ACTION_REDIRECT_HEADER, location);
    return response;
  }

  async function renderPage(request: Request, route: ManifestRoute | null, params: Params, isRsc: boolean, options: { notFound?: boolean; formState?: unknown; status?: number } = {}): Promise<Response> {
    const { notFound = false, formState } = options;
    const clientKeys = isRsc ? decodeTree(request.headers.get(TREE_HEADER)) : null;
    const rendered = await rsc.renderPage({ request, routeId: route?.id ?? null, params, clientKeys, phase: 'request', notFound, styles: manifest.styles, formState });
    const notFoundStatus = !route || notFound;
    if (isRsc) {
      // The payload itself says "not found"; a 404 status would only add a console error to every
      // prefetch of a missing page.
      return new Response(rendered.stream, {
        status: 200,
        headers: { 'Content-Type': RSC_CONTENT_TYPE, 'Cache-Control': DYNAMIC_CACHE_CONTROL, Vary: TREE_HEADER },
      });
    }
    const html = await ssr.renderHtml(rendered.stream, {
      bootstrapModule: manifest.client.entry,
      preloadModules: [...manifest.client.entryImports, ...(route?.preload ?? [])],
      signal: request.signal,
      formState,
    });
    switch (html.kind) {
      case 'redirect':
        return new Response(null, { status: html.target.status, headers: { Location: html.target.url } });
      case 'not-found':
        if (notFound) throw new Error('The not-found page itself called notFound().');
        return renderPage(request, route, params, false, { ...options, notFound: true });
      default: {
        const status = html.kind === 'error' ? 500 : notFoundStatus || rendered.signals.notFound ? 404 : (options.status ?? 200);
        return new Response(html.stream, { status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': DYNAMIC_CACHE_CONTROL } });
      }
    }
  }

  return app;
}

/** Background work after the response: Cloudflare ends an isolate's work with the response unless told to wait. */
function waitUntil(c: Context, work: Promise<unknown>): void {
  try {
    c.executionCtx.waitUntil(work);
  } catch {
    // Node and the Edge runtime keep running the promise by themselves.
  }
}

/** A router call (`nexxo-action`), or a form posted without JavaScript (multipart, with the action in hidden fields). */
function isActionRequest(request: Request): boolean {
  return request.headers.has(ACTION_HEADER) || (request.headers.get('content-type')?.startsWith('multipart/form-data') ?? false);
}

function withSetCookies(response: Response, cookies: string[]): Response {
  for (const cookie of cookies) response.headers.append('Set-Cookie', cookie);
  return response;
}

/** The request as the page sees it after a rewrite: the URL the browser shows, the rewritten query. */
function withSearch(request: Request, search: string): Request {
  const url = new URL(request.url);
  url.search = search;
  return new Request(url, request);
}

/** An external rewrite: the destination answers, as if it were this server. */
async function proxy(request: Request, target: string): Promise<Response> {
  const headers = new Headers(request.headers);
  headers.delete('host');
  const upstream = await fetch(target, {
    method: request.method,
    headers,
    ...(request.method === 'GET' || request.method === 'HEAD' ? {} : { body: request.body, duplex: 'half' }),
    redirect: 'manual',
  } as RequestInit);
  // fetch() already decoded the body.
  const responseHeaders = new Headers(upstream.headers);
  responseHeaders.delete('content-encoding');
  responseHeaders.delete('content-length');
  return new Response(upstream.body, { status: upstream.status, statusText: upstream.statusText, headers: responseHeaders });
}

/** Config `headers`: a later rule's value replaces an earlier one's; `Set-Cookie` values add up. */
function withConfigHeaders(response: Response, headers: { key: string; value: string }[]): Response {
  if (headers.length === 0) return response;
  const result = new Response(response.body, { status: response.status, statusText: response.statusText, headers: new Headers(response.headers) });
  for (const { key, value } of headers) {
    if (key.toLowerCase() === 'set-cookie') result.headers.append(key, value);
    else result.headers.set(key, value);
  }
  return result;
}

function url(request: Request): URL {
  return new URL(request.url);
}

function decodePath(pathname: string): string {
  const parts = decodePathParts(pathname);
  return parts ? '/' + parts.join('/') : pathname;
}
