// Replaced at build time by the compiler's `define` (see appEnvironments), in all three environments.
declare const process: { env: { __NEXXO_BASE_PATH?: string; __NEXXO_TRAILING_SLASH?: string } };

/** nexxo.config `basePath` ('' without one). */
export const basePath: string = process.env.__NEXXO_BASE_PATH ?? '';
const trailingSlash = process.env.__NEXXO_TRAILING_SLASH === 'true';

/**
 * An app path as the browser requests it: `/about` → `/docs/about` under basePath `/docs`, with
 * the trailing slash the config asks for. Other URLs (`https://…`, `?q`, `#top`) are unchanged.
 */
export function withBasePath(href: string): string {
  if (!href.startsWith('/') || href.startsWith('//')) return href;
  const split = href.search(/[?#]/);
  let path = split === -1 ? href : href.slice(0, split);
  const rest = split === -1 ? '' : href.slice(split);
  if (trailingSlash && !path.endsWith('/') && !/\.[^/]+$/.test(path)) path += '/';
  if (!trailingSlash && path.length > 1) path = path.replace(/\/+$/, '');
  return (basePath && path === '/' ? basePath : basePath + path) + rest;
}

/** The app path of a pathname the browser shows: `/docs/about` → `/about`. */
export function withoutBasePath(pathname: string): string {
  if (!basePath || !(pathname === basePath || pathname.startsWith(basePath + '/'))) return pathname;
  return pathname.slice(basePath.length) || '/';
}
