import type { ManifestRoute, Params, PatternPart } from './manifest.js';

export interface RouteMatch {
  route: ManifestRoute;
  params: Params;
}

/** Static parts outrank dynamic ones, which outrank catch-alls, which outrank optional catch-alls. */
const rank: Record<PatternPart['kind'], number> = { static: 0, dynamic: 1, 'catch-all': 2, 'optional-catch-all': 3 };

function compare(a: ManifestRoute, b: ManifestRoute): number {
  const length = Math.max(a.pattern.length, b.pattern.length);
  for (let index = 0; index < length; index++) {
    const left = a.pattern[index];
    const right = b.pattern[index];
    if (!left || !right) return left ? 1 : -1;
    if (rank[left.kind] !== rank[right.kind]) return rank[left.kind] - rank[right.kind];
  }
  return 0;
}

/**
 * Compiled once per server start: routes without params are found by a map lookup, the others are
 * tried in specificity order. Nothing touches the file system.
 */
export function createRouteMatcher(routes: ManifestRoute[]): (parts: string[]) => RouteMatch | null {
  const exact = new Map<string, ManifestRoute>();
  const dynamic: ManifestRoute[] = [];
  for (const route of routes) {
    if (route.pattern.every((part) => part.kind === 'static')) exact.set(exactKey(route.pattern.map((part) => (part as { value: string }).value)), route);
    else dynamic.push(route);
  }
  dynamic.sort(compare);
  // `parts` are the decoded path segments, so an encoded `/` (%2F) stays inside its segment.
  return (parts) => {
    const route = exact.get(exactKey(parts));
    if (route) return { route, params: {} };
    for (const candidate of dynamic) {
      const params = matchPattern(candidate.pattern, parts);
      if (params) return { route: candidate, params };
    }
    return null;
  };
}

/** NUL never occurs in a decoded part (decodePathParts rejects it), so parts cannot run together. */
function exactKey(parts: string[]): string {
  return parts.join('\0');
}

function matchPattern(pattern: PatternPart[], parts: string[]): Params | null {
  const params: Params = {};
  for (let index = 0; index < pattern.length; index++) {
    const part = pattern[index]!;
    const value = parts[index];
    switch (part.kind) {
      case 'static':
        if (value !== part.value) return null;
        break;
      case 'dynamic':
        if (value === undefined) return null;
        params[part.name] = value;
        break;
      case 'catch-all':
        if (value === undefined) return null;
        params[part.name] = parts.slice(index);
        return params;
      case 'optional-catch-all':
        if (value !== undefined) params[part.name] = parts.slice(index);
        return params;
    }
  }
  return parts.length === pattern.length ? params : null;
}

/**
 * The canonical (percent-encoded) pathname of a route for some params, used to prerender and to
 * look prerendered pages up. Null when a param is missing, empty, or `.`/`..`.
 */
export function pathnameFor(pattern: PatternPart[], params: Params): string | null {
  const parts: string[] = [];
  for (const part of pattern) {
    if (part.kind === 'static') {
      parts.push(part.value);
      continue;
    }
    const value = params[part.name];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) {
      if (part.kind === 'optional-catch-all') continue;
      return null;
    }
    const values = Array.isArray(value) ? value : [value];
    if (values.some((item) => typeof item !== 'string' || item === '' || item === '.' || item === '..')) return null;
    parts.push(...values);
  }
  return canonicalPathname(parts);
}

/** Decoded path parts back to one encoded pathname: the key of the manifest's prerendered pages. */
export function canonicalPathname(parts: string[]): string {
  return '/' + parts.map(encodeURIComponent).join('/');
}
