import { segments } from 'virtual:nexxo/app';
import type { Params } from '../shared/app-module.js';
import { isNotFoundError, readRedirect } from '../shared/navigation-errors.js';
import { findRoute } from './render-page.js';
import { createRequestStore, requestStorage } from './request-store.js';
import { RequestCookies } from './request-cookies.js';
import { loadSegmentFile } from './route-modules.js';
import { withBasePath, withoutBasePath } from '../shared/base-path.js';
import { attachCacheScope, settleInvalidations } from './request-cache.js';
import { FETCH_CACHE_SETTINGS } from '../cache/fetch-types.js';
import { isResponse } from './is-response.js';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
type Handler = (request: Request, context: { params: Promise<Params> }) => unknown;

/**
 * Runs a `route.ts` handler. HEAD falls back to GET without a body, OPTIONS answers with the
 * allowed methods, and a method the file does not export gets 405 with an `Allow` header.
 */
export async function handleRoute(request: Request, routeId: string, params: Params): Promise<Response> {
  const route = findRoute(routeId);
  const module = (await loadSegmentFile(segments[route.segments[route.segments.length - 1]!]!, 'route'))!;
  const exported = METHODS.filter((method) => typeof module[method] === 'function');
  const allow = new Set<string>(exported);
  if (allow.has('GET')) allow.add('HEAD');
  allow.add('OPTIONS');
  const allowHeader = [...allow].join(', ');
  const method = request.method.toUpperCase();

  let handler = module[method] as Handler | undefined;
  if (typeof handler !== 'function') {
    if (method === 'HEAD' && typeof module.GET === 'function') handler = module.GET as Handler;
    else if (method === 'OPTIONS') return new Response(null, { status: 204, headers: { Allow: allowHeader } });
    else return new Response(`Method ${method} is not allowed for ${routeId}.`, { status: 405, headers: { Allow: allowHeader } });
  }

  const store = createRequestStore(request, 'request', { mutableCookies: true });
  store.cookies = new RequestCookies(request.headers.get('cookie'), true);
  const fetchCache = FETCH_CACHE_SETTINGS.find((setting) => setting === module.fetchCache);
  attachCacheScope(store, withoutBasePath(new URL(request.url).pathname), routeId, fetchCache ? { fetchCache } : {});
  let response: unknown;
  try {
    response = await requestStorage.run(store, () => handler!(request, { params: Promise.resolve(params) }));
    await settleInvalidations(store);
  } catch (error) {
    await settleInvalidations(store);
    const redirect = readRedirect(error);
    if (redirect) return withCookies(new Response(null, { status: redirect.status, headers: { Location: withBasePath(redirect.url) } }), store.cookies.outgoing);
    if (isNotFoundError(error)) return withCookies(new Response('Not Found', { status: 404 }), store.cookies.outgoing);
    throw error;
  }
  if (!isResponse(response))
    throw new Error(
      `The ${method} handler of route ${routeId} (route file) returned ${response === undefined ? 'nothing' : typeof response}. A route handler must return a Response, e.g. \`return Response.json(data)\`.`,
    );
  const result = withCookies(response, store.cookies.outgoing);
  return method === 'HEAD' ? new Response(null, result) : result;
}

function withCookies(response: Response, cookies: string[]): Response {
  if (cookies.length === 0) return response;
  const copy = new Response(response.body, response);
  for (const cookie of cookies) copy.headers.append('Set-Cookie', cookie);
  return copy;
}
