import type { LocalPattern, RemotePattern } from './image-config.js';

/**
 * Whether `url` is allowed by `pattern` (`images.remotePatterns`), with Next.js's semantics: an
 * absent protocol, port or search matches any, `''` matches none; in `hostname`, `*` matches
 * within one label and a `**` label one or more labels (`**.example.com` is not `example.com`); in
 * `pathname`, `*` matches within one segment and a `**` segment any number of segments.
 */
export function matchRemotePattern(pattern: RemotePattern, url: URL): boolean {
  if (pattern.protocol !== undefined && url.protocol !== `${pattern.protocol}:`) return false;
  if (pattern.port !== undefined && url.port !== pattern.port) return false;
  if (pattern.search !== undefined && url.search !== pattern.search) return false;
  if (pattern.hostname !== '**' && !hostnameRegExp(pattern.hostname).test(url.hostname)) return false;
  return pathnameMatches(pattern.pathname, url.pathname);
}

export function hasRemoteMatch(patterns: readonly RemotePattern[], url: URL): boolean {
  return patterns.some((pattern) => matchRemotePattern(pattern, url));
}

/** Whether a local image path (and its query) is allowed by `pattern` (`images.localPatterns`). */
export function matchLocalPattern(pattern: LocalPattern, pathname: string, search: string): boolean {
  if (pattern.search !== undefined && search !== pattern.search) return false;
  return pathnameMatches(pattern.pathname, pathname);
}

function pathnameMatches(pattern: string | undefined, pathname: string): boolean {
  return pattern === undefined || pattern === '' || pattern === '**' || pathnameRegExp(pattern).test(pathname);
}

const compiled = new Map<string, RegExp>();

function cachedRegExp(key: string, build: () => string): RegExp {
  let regExp = compiled.get(key);
  if (!regExp) {
    regExp = new RegExp(`^${build()}$`);
    compiled.set(key, regExp);
  }
  return regExp;
}

const escape = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

function hostnameRegExp(pattern: string): RegExp {
  return cachedRegExp(`host:${pattern}`, () =>
    pattern
      .toLowerCase()
      .split('.')
      .map((label) => (label === '**' ? '[^.]+(?:\\.[^.]+)*' : escape(label).replace(/\*+/g, '[^.]*')))
      .join('\\.'),
  );
}

function pathnameRegExp(pattern: string): RegExp {
  return cachedRegExp(`path:${pattern}`, () => {
    const segments = (pattern.startsWith('/') ? pattern : '/' + pattern).split('/').slice(1);
    // A `**` segment swallows the slash before it, so `/img/**` matches `/img` itself too.
    return segments.map((segment) => (segment === '**' ? '(?:/.*)?' : '/' + escape(segment).replace(/\*+/g, '[^/]*'))).join('');
  });
}
