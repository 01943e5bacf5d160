import type { RemotePattern } from './image-config-types.js';

/**
 * A remote pattern written as a URL (`new URL('https://cdn.example.com/img/**')` or a string), as
 * Next.js accepts since 15.3, in the object form the optimizer matches against; null when it is
 * not an http(s) URL.
 */
export function remotePatternFromUrl(value: URL | string): RemotePattern | null {
  let url: URL;
  try {
    url = typeof value === 'string' ? new URL(value) : value;
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // Pathname stays URL-encoded, as the optimizer sees requested URLs; `''` search means "no query".
  return { protocol: url.protocol === 'http:' ? 'http' : 'https', hostname: url.hostname, port: url.port, pathname: url.pathname, search: url.search };
}
