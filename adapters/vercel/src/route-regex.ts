import type { PatternPart } from '@nexxo/runtime';

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A Vercel `src` (PCRE) matching a route's URL paths under the base path, with or without a trailing slash. */
export function routeSource(pattern: PatternPart[], basePath: string): string {
  const body = pattern
    .map((part) => {
      switch (part.kind) {
        case 'static':
          return '/' + escapeRegExp(part.value);
        case 'dynamic':
          return '/[^/]+';
        case 'catch-all':
          return '/.+';
        case 'optional-catch-all':
          return '(?:/.*)?';
      }
    })
    .join('');
  return `^${escapeRegExp(basePath)}${body}/?$`;
}

/** A Vercel `src` matching exactly these paths. */
export function exactPathsSource(paths: string[]): string {
  return `^(?:${paths.map(escapeRegExp).join('|')})$`;
}
