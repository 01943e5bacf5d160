import {
  MIDDLEWARE_HEADER_PREFIX,
  MIDDLEWARE_NEXT_HEADER,
  MIDDLEWARE_OVERRIDE_HEADERS,
  MIDDLEWARE_REQUEST_HEADER_PREFIX,
  MIDDLEWARE_REWRITE_HEADER,
  RSC_PARAM,
} from '../protocol.js';

/** What the rsc bundle exports as `middleware` when the app has a middleware.ts (or proxy.ts). */
export interface MiddlewareEntry {
  /** `config.matcher` of the module, as exported. */
  matcher: unknown;
  /** Runs the middleware: its Response, or `NexxoResponse.next()`'s when it returned nothing. */
  run(request: Request): Promise<Response>;
}

export type MiddlewareResult =
  /** Answered by the middleware itself: a redirect, JSON, any Response. */
  | { kind: 'response'; response: Response }
  /** Continue with `request` (headers possibly changed), at `rewrite` if set; add `headers` to the answer. */
  | { kind: 'continue'; request: Request; rewrite: URL | null; headers: Headers };

/** The incoming request without `x-middleware-*` headers: only a middleware's Response may carry them. */
export function stripMiddlewareHeaders(request: Request): Request {
  const names: string[] = [];
  request.headers.forEach((_value, name) => {
    if (name.startsWith(MIDDLEWARE_HEADER_PREFIX)) names.push(name);
  });
  if (names.length === 0) return request;
  const headers = new Headers(request.headers);
  for (const name of names) headers.delete(name);
  return copyRequest(request, headers);
}

/** Runs the middleware for a request and reads its answer (the protocol in protocol.ts). */
export async function applyMiddleware(entry: MiddlewareEntry, request: Request): Promise<MiddlewareResult> {
  const response = await entry.run(request);
  const rewrite = response.headers.get(MIDDLEWARE_REWRITE_HEADER);
  const isRsc = new URL(request.url).searchParams.has(RSC_PARAM);
  if (!rewrite && !response.headers.has(MIDDLEWARE_NEXT_HEADER)) {
    return { kind: 'response', response: isRsc ? keepRscParam(withoutProtocolHeaders(response), request.url) : withoutProtocolHeaders(response) };
  }
  const headers = new Headers();
  response.headers.forEach((value, name) => {
    if (!name.startsWith(MIDDLEWARE_HEADER_PREFIX) && name !== 'set-cookie') headers.set(name, value);
  });
  for (const cookie of response.headers.getSetCookie()) headers.append('set-cookie', cookie);
  const target = rewrite ? new URL(rewrite, request.url) : null;
  // The middleware sees the URL without `_rsc`: a client navigation must still get a payload.
  if (target && isRsc && target.origin === new URL(request.url).origin) target.searchParams.set(RSC_PARAM, new URL(request.url).searchParams.get(RSC_PARAM)!);
  return { kind: 'continue', request: withRequestHeaders(request, response.headers), rewrite: target, headers };
}

/** The app's request with the headers `next({ request: { headers } })` gave. */
function withRequestHeaders(request: Request, protocol: Headers): Request {
  const override = protocol.get(MIDDLEWARE_OVERRIDE_HEADERS);
  if (override === null) return request;
  const headers = new Headers();
  for (const name of override.split(',').map((part) => part.trim().toLowerCase()).filter(Boolean)) {
    // A middleware cannot hand the app a header of the protocol either.
    if (name.startsWith(MIDDLEWARE_HEADER_PREFIX)) continue;
    const value = protocol.get(MIDDLEWARE_REQUEST_HEADER_PREFIX + name);
    if (value !== null) headers.set(name, value);
  }
  return copyRequest(request, headers);
}

/**
 * The same request with other headers. Built from its parts: `new Request(request, init)` fails
 * on the lazy request objects @hono/node-server hands out.
 */
export function copyRequest(request: Request, headers: Headers): Request {
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body !== null;
  return new Request(request.url, { method: request.method, headers, signal: request.signal, redirect: request.redirect, ...(hasBody ? { body: request.body, duplex: 'half' } : {}) } as RequestInit);
}

function withoutProtocolHeaders(response: Response): Response {
  let found = false;
  response.headers.forEach((_value, name) => (found ||= name.startsWith(MIDDLEWARE_HEADER_PREFIX)));
  if (!found) return response;
  const headers = new Headers(response.headers);
  const names: string[] = [];
  headers.forEach((_value, name) => name.startsWith(MIDDLEWARE_HEADER_PREFIX) && names.push(name));
  for (const name of names) headers.delete(name);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/**
 * A client navigation fetches `?_rsc=…` and follows redirects: a same-origin Location keeps the
 * param, so the navigation ends with the target's payload instead of a document load.
 */
function keepRscParam(response: Response, requestUrl: string): Response {
  const location = response.headers.get('location');
  if (!location || response.status < 300 || response.status >= 400) return response;
  const from = new URL(requestUrl);
  const target = new URL(location, from);
  if (target.origin !== from.origin || target.searchParams.has(RSC_PARAM)) return response;
  target.searchParams.set(RSC_PARAM, from.searchParams.get(RSC_PARAM)!);
  const headers = new Headers(response.headers);
  headers.set('location', target.pathname + target.search + target.hash);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** Adds the middleware's response headers to the app's answer: the app's own win, cookies add up. */
export function withMiddlewareHeaders(response: Response, headers: Headers): Response {
  let empty = true;
  headers.forEach(() => (empty = false));
  if (empty) return response;
  const result = new Response(response.body, { status: response.status, statusText: response.statusText, headers: new Headers(response.headers) });
  headers.forEach((value, name) => {
    if (name !== 'set-cookie' && !result.headers.has(name)) result.headers.set(name, value);
  });
  for (const cookie of headers.getSetCookie()) result.headers.append('set-cookie', cookie);
  return result;
}
