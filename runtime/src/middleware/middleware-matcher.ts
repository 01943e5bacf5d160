import { compileRule, type RuleBase } from '../routing-rules/compile-rules.js';
import type { CompiledRule } from '../routing-rules/compile-rules.js';
import { matchConditions, requestFacts } from '../routing-rules/conditions.js';

/** Build assets and dev endpoints: never run middleware unless a matcher names them. */
const INTERNAL_PREFIX = '/_nexxo';

interface CompiledMatcher extends CompiledRule {
  /** The source starts with `/_nexxo`: it may match build assets and dev endpoints. */
  internal: boolean;
}

/** Whether middleware runs for a path (without the base path). */
export type MiddlewareMatcher = (pathname: string, search: string, headers: Headers, host: string) => boolean;

/**
 * Compiles `export const config = { matcher }` of middleware.ts: a path pattern, an array of them,
 * or objects `{ source, has, missing }` (Next.js's syntax). Without a matcher, every path matches,
 * except `/_nexxo/…`. Throws with `code: 'NEXXO_CONFIG'` for an invalid matcher.
 *
 * @example
 * const matches = compileMiddlewareMatcher(['/account/:path*', { source: '/api/:path*', missing: [{ type: 'header', key: 'x-internal' }] }]);
 * matches('/account/settings', '', new Headers(), 'example.com'); // true
 */
export function compileMiddlewareMatcher(matcher: unknown): MiddlewareMatcher {
  if (matcher === undefined) return (pathname) => !isInternal(pathname);
  const compiled = compileEntries(matcher);
  return (pathname, search, headers, host) => {
    let facts: ReturnType<typeof requestFacts> | undefined;
    return compiled.some((rule) => {
      if (!matchesPath(rule, pathname)) return false;
      if (rule.has.length === 0 && rule.missing.length === 0) return true;
      facts ??= requestFacts(headers, new URLSearchParams(search), host);
      return matchConditions(rule.has, rule.missing, facts) !== null;
    });
  };
}

/**
 * Whether middleware may run for a path, whatever the request's headers, cookies and query: its
 * `has`/`missing` conditions count as met. For deciding at build time which paths a CDN must not
 * answer without running the middleware.
 */
export function middlewareMayMatch(matcher: unknown): (pathname: string) => boolean {
  if (matcher === undefined) return (pathname) => !isInternal(pathname);
  const compiled = compileEntries(matcher);
  return (pathname) => compiled.some((rule) => matchesPath(rule, pathname));
}

function compileEntries(matcher: unknown): CompiledMatcher[] {
  const entries = Array.isArray(matcher) ? matcher : [matcher];
  return entries.map((entry, index) => {
    const where = `middleware config.matcher${Array.isArray(matcher) ? `[${index}]` : ''}`;
    const rule: RuleBase = typeof entry === 'string' ? { source: entry } : entry && typeof entry === 'object' ? (entry as RuleBase) : ({ source: entry } as unknown as RuleBase);
    const { known: _known, ...rest } = compileRule({ source: rule.source, ...(rule.has ? { has: rule.has } : {}), ...(rule.missing ? { missing: rule.missing } : {}) }, where, '');
    return { ...rest, internal: typeof rule.source === 'string' && rule.source.toLowerCase().startsWith(INTERNAL_PREFIX) };
  });
}

function matchesPath(rule: CompiledMatcher, pathname: string): boolean {
  return (rule.internal || !isInternal(pathname)) && rule.matchPath(pathname) !== null;
}

function isInternal(pathname: string): boolean {
  return pathname === INTERNAL_PREFIX || pathname.toLowerCase().startsWith(INTERNAL_PREFIX + '/');
}
