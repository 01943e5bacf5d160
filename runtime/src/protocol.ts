/**
 * How the browser and the server talk about RSC payloads. Shared by the runtime (which answers)
 * and the framework's router (which asks), so both always agree.
 */

/** The search param that asks for the RSC payload instead of HTML (it also keeps caches apart). */
export const RSC_PARAM = '_rsc';
/** The request header a client sends with the segment keys it already shows. */
export const TREE_HEADER = 'nexxo-tree';
export const RSC_CONTENT_TYPE = 'text/x-component';
/** Marks a prefetch: the server answers 204 for pages it would have to render per request. */
export const PREFETCH_HEADER = 'nexxo-prefetch';

/** A server action call from the router: the action's id. */
export const ACTION_HEADER = 'nexxo-action';
/** The answer to an action that redirected: where to (its body is that page's payload, when it has one). */
export const ACTION_REDIRECT_HEADER = 'nexxo-action-redirect';

export function encodeTree(keys: string[]): string {
  return keys.map(encodeURIComponent).join('/');
}

export function decodeTree(header: string | null): string[] | null {
  if (!header) return null;
  try {
    return header.split('/').map(decodeURIComponent);
  } catch {
    return null;
  }
}

/**
 * How a middleware's Response tells the runtime what to do (the names Next.js uses). Only the
 * middleware's own Response is read for them; incoming requests lose every `x-middleware-*` header
 * (see stripMiddlewareHeaders), so a client cannot forge one, and none of them ever skips middleware.
 */
export const MIDDLEWARE_HEADER_PREFIX = 'x-middleware-';
/** `NexxoResponse.next()`: continue to the app. */
export const MIDDLEWARE_NEXT_HEADER = 'x-middleware-next';
/** `NexxoResponse.rewrite(url)`: the absolute URL to serve instead. */
export const MIDDLEWARE_REWRITE_HEADER = 'x-middleware-rewrite';
/** `next({ request: { headers } })`: the comma-separated names of every header the app sees. */
export const MIDDLEWARE_OVERRIDE_HEADERS = 'x-middleware-override-headers';
/** Followed by a header name: that request header's value for the app. */
export const MIDDLEWARE_REQUEST_HEADER_PREFIX = 'x-middleware-request-';
