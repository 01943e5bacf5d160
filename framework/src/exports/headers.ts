import { getRequestStore, useDynamic } from '../rsc/request-store.js';
import { RequestCookies } from '../rsc/request-cookies.js';

export type { Cookie, CookieOptions } from '../rsc/request-cookies.js';
export type { RequestCookies } from '../rsc/request-cookies.js';

/**
 * The request's cookies. Reading them makes the route dynamic (rendered per request).
 * @example
 * const theme = (await cookies()).get('theme')?.value ?? 'light';
 */
export async function cookies(): Promise<RequestCookies> {
  const store = getRequestStore('cookies()');
  useDynamic(store, '`cookies()`');
  const header = store.phase === 'prerender' || store.forceStatic ? null : store.request.headers.get('cookie');
  return (store.cookies ??= new RequestCookies(header, store.mutableCookies));
}

/**
 * The request's headers (read-only). Reading them makes the route dynamic.
 * @example
 * const agent = (await headers()).get('user-agent');
 */
export async function headers(): Promise<Headers> {
  const store = getRequestStore('headers()');
  useDynamic(store, '`headers()`');
  // force-static reads as empty everywhere, so `nexxo dev` shows what the prerendered page will.
  return readonlyHeaders(store.phase === 'prerender' || store.forceStatic ? new Headers() : store.request.headers);
}

function readonlyHeaders(source: Headers): Headers {
  const copy = new Headers(source);
  const refuse = () => {
    throw new Error('The headers from headers() are read-only. To set response headers, return them from a route handler or use middleware.');
  };
  return Object.assign(copy, { set: refuse, append: refuse, delete: refuse });
}
