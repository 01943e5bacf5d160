import { Hono, type Context } from 'hono';
import { contentTypeFor } from './content-type.js';
import type { RscEntry, SsrEntry } from './entries.js';
import type { BuildManifest, ManifestRoute, Params } from './manifest.js';
import { canonicalPathname, createRouteMatcher } from './route-matcher.js';
import { decodePathParts } from './url-path.js';
import { PREFETCH_HEADER, RSC_CONTENT_TYPE, RSC_PARAM, TREE_HEADER, decodeTree } from './protocol.js';

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
}

/** Client chunks have content hashes in their names. */
const IMMUTABLE_PREFIX = '/_nexxo/';
const DYNAMIC_CACHE_CONTROL = 'private, no-cache, no-store, max-age=0, must-revalidate';

/**
 * The request handler for a build: static files, prerendered pages, RSC payloads, dynamic renders
 * and route handlers. Web-standard APIs only, so every adapter runs it unchanged.
 */
export function createApp({ build, readFile }: CreateAppOptions): Hono {
  const { manifest, rsc, ssr } = build;
  const matchRoute = createRouteMatcher(manifest.routes);
  const staticFiles = new Set(manifest.staticFiles);
  const app = new Hono();

  app.all('*', async (c) => {
    const url = new URL(c.req.url);
    const parts = decodePathParts(url.pathname);
    if (!parts) return c.text('Bad Request: the URL has malformed percent-encoding.', 400);
    const method = c.req.method;
    const pathname = '/' + parts.join('/');

    if (url.pathname.length > 1 && url.pathname.endsWith('/')) {
      // Built from the decoded parts: a raw `//evil.com/` must not become a `//evil.com` redirect.
      return c.redirect(canonicalPathname(parts) + url.search, 308);
    }
    if ((method === 'GET' || method === 'HEAD') && staticFiles.has(pathname)) {
      return serveFile(c, 'static' + pathname, contentTypeFor(pathname), pathname.startsWith(IMMUTABLE_PREFIX) ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate');
    }

    const match = matchRoute(parts);
    if (match?.route.type === 'route') return rsc.handleRoute(c.req.raw, match.route.id, match.params);

    const isRsc = url.searchParams.has(RSC_PARAM);
    if (match && method !== 'GET' && method !== 'HEAD') {
      return c.text(`Method ${method} is not allowed for a page.`, 405, { Allow: 'GET, HEAD' });
    }
    if (match) {
      const canonical = canonicalPathname(parts);
      const prerendered = manifest.prerendered[canonical];
      if (isRsc && c.req.header(PREFETCH_HEADER) && !prerendered) {
        // Dynamic pages are not prefetched: their data must be fresh when the user clicks.
        return new Response(null, { status: 204, headers: { 'Cache-Control': DYNAMIC_CACHE_CONTROL } });
      }
      if (prerendered) {
        return isRsc
          ? serveFile(c, 'prerendered/' + prerendered.rsc, RSC_CONTENT_TYPE, 'public, max-age=0, must-revalidate', prerendered.status)
          : serveFile(c, 'prerendered/' + prerendered.html, 'text/html; charset=utf-8', 'public, max-age=0, must-revalidate', prerendered.status);
      }
      if (match.route.staticPaths && !match.route.staticPaths.includes(canonical)) return renderPage(c, null, {}, isRsc);
    }
    return renderPage(c, match?.route ?? null, match?.params ?? {}, isRsc);
  });

  app.onError((error, c) => {
    console.error('[nexxo] Request failed:', c.req.method, c.req.url, error);
    return c.text('Internal Server Error', 500);
  });

  async function serveFile(c: Context, path: string, contentType: string, cacheControl: string, status = 200): Promise<Response> {
    const body = await readFile(path);
    if (!body) return c.text('Not Found', 404);
    return new Response(c.req.method === 'HEAD' ? null : (body as BodyInit), { status, headers: { 'Content-Type': contentType, 'Cache-Control': cacheControl } });
  }

  async function renderPage(c: Context, route: ManifestRoute | null, params: Params, isRsc: boolean, notFound = false): Promise<Response> {
    const request = c.req.raw;
    const clientKeys = isRsc ? decodeTree(request.headers.get(TREE_HEADER)) : null;
    const rendered = await rsc.renderPage({ request, routeId: route?.id ?? null, params, clientKeys, phase: 'request', notFound });
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
    });
    switch (html.kind) {
      case 'redirect':
        return new Response(null, { status: html.target.status, headers: { Location: html.target.url } });
      case 'not-found':
        if (notFound) throw new Error('The not-found page itself called notFound().');
        return renderPage(c, route, params, false, true);
      default: {
        const status = html.kind === 'error' ? 500 : notFoundStatus || rendered.signals.notFound ? 404 : 200;
        return new Response(html.stream, { status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': DYNAMIC_CACHE_CONTROL } });
      }
    }
  }

  return app;
}
