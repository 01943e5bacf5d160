/**
 * Next.js-style `redirects`, `rewrites` and `headers` rules: pure matching, no I/O, so every
 * adapter applies them alike. Compile once with `compileRoutingRules`, then ask per request.
 * Paths go in decoded (as `decodePathParts` yields them) and come out percent-encoded.
 */
import { matchConditions, requestFacts, type RequestFacts, type RuleParams } from './routing-rules/conditions.js';
import type { CompiledRoutingRules, CompiledRule, RewritePhase } from './routing-rules/compile-rules.js';
import { buildDestination, render, stringifyQuery } from './routing-rules/destination.js';

export { compileRoutingRules, type CompiledRoutingRules, type RewritePhase } from './routing-rules/compile-rules.js';

export interface RoutingRequest {
  /** The decoded path as received, base path included. */
  pathname: string;
  /** `?a=1`, or `''`. */
  search: string;
  headers: Headers;
  /** The Host header (a port is ignored). */
  host: string;
}

export interface RedirectMatch {
  /** Relative for a local destination (`/docs/new?a=1`), absolute for an external one. */
  location: string;
  status: number;
}

/** A local rewrite (pathname percent-encoded, base path included), or an external URL to proxy to. */
export type RewriteMatch = { pathname: string; search: string } | { url: string };

/**
 * The first redirect whose source and conditions match. The request's query passes through to the
 * destination; the destination's own query keys replace the request's values for those keys.
 *
 * @example
 * matchRedirect(rules, { pathname: '/blog/hello', search: '?ref=x', headers, host }); // { location: '/news/hello?ref=x', status: 308 }
 */
export function matchRedirect(rules: CompiledRoutingRules, request: RoutingRequest): RedirectMatch | null {
  const query = new URLSearchParams(request.search);
  const facts = requestFacts(request.headers, query, request.host);
  for (const rule of rules.redirects) {
    const params = matchRule(rule, request.pathname, facts);
    if (!params) continue;
    const built = buildDestination(rule.destination, params, query, false);
    // Like Next, collapse `//` and `\`: a path that starts `//evil.com` would leave the site.
    const pathname = built.pathname.replace(/\\/g, '/').replace(/\/\/+/g, '/') || '/';
    return { location: built.origin + pathname + stringifyQuery(built.query) + built.hash, status: rule.status };
  }
  return null;
}

/**
 * Applies one phase's rewrites in order, each to the result of the ones before, as Next does.
 * In `afterFiles` and `fallback`, Next stops as soon as the rewritten path is served by a file or
 * route: pass `resolves` to say so; without it, the first matching rule is final. An external
 * destination always ends the phase. The request's query merges into the destination's; when the
 * destination's host, path and hash use no param, the params are added to the query too (Next).
 *
 * @example
 * matchRewrite(rules, 'afterFiles', { pathname: '/api/users', search: '', headers, host }); // { url: 'https://api.example.com/users' }
 */
export function matchRewrite(rules: CompiledRoutingRules, phase: RewritePhase, request: RoutingRequest, resolves?: (pathname: string) => boolean): RewriteMatch | null {
  let pathname = request.pathname;
  let query = new URLSearchParams(request.search);
  let facts = requestFacts(request.headers, query, request.host);
  let result: { pathname: string; search: string } | null = null;
  for (const rule of rules.rewrites[phase]) {
    const params = matchRule(rule, pathname, facts);
    if (!params) continue;
    const built = buildDestination(rule.destination, params, query, true);
    const search = stringifyQuery(built.query);
    if (built.origin) return { url: built.origin + built.pathname + search };
    result = { pathname: built.pathname || '/', search };
    if (phase !== 'beforeFiles' && (resolves?.(result.pathname) ?? true)) return result;
    pathname = decodePathname(result.pathname);
    query = new URLSearchParams(search);
    facts = requestFacts(request.headers, query, request.host);
  }
  return result;
}

/**
 * Every `{ key, value }` of every matching header rule, in config order, params filled in
 * (percent-encoded, so a value is always a valid header value). Apply them in order: a later value
 * replaces an earlier one for the same key, except `Set-Cookie`, whose values all apply (Next).
 */
export function matchHeaders(rules: CompiledRoutingRules, request: RoutingRequest): { key: string; value: string }[] {
  const facts = requestFacts(request.headers, new URLSearchParams(request.search), request.host);
  const headers: { key: string; value: string }[] = [];
  for (const rule of rules.headers) {
    const params = matchRule(rule, request.pathname, facts);
    if (!params) continue;
    for (const { key, value } of rule.headers) headers.push({ key: render(key, params, encodeURI), value: render(value, params, encodeURI) });
  }
  return headers;
}

/** Source params, overridden by params from `has` conditions as in Next; null when the rule does not apply. */
function matchRule(rule: CompiledRule, pathname: string, facts: RequestFacts): RuleParams | null {
  const params = rule.matchPath(pathname);
  if (!params) return null;
  if (rule.has.length === 0 && rule.missing.length === 0) return params;
  const conditionParams = matchConditions(rule.has, rule.missing, facts);
  return conditionParams && { ...params, ...conditionParams };
}

/** A rewritten (encoded) path back to the decoded form the next rule matches against. */
function decodePathname(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

/** The path inside the base path (`/docs/a` → `/a`, `/docs` → `/`), or null when it lies outside. */
export function stripBasePath(pathname: string, basePath: string): string | null {
  if (!basePath) return pathname;
  if (pathname === basePath) return '/';
  return pathname.startsWith(basePath + '/') ? pathname.slice(basePath.length) : null;
}

/**
 * The canonical form of a path for the `trailingSlash` setting, as Next's built-in redirects make it:
 * false strips trailing slashes; true adds one, except to a file (`/file.txt`) and under
 * `/.well-known`. The root stays `/`. A last segment with a dot but no extension (`/v1.x-y`) is left as is.
 */
export function withTrailingSlash(pathname: string, trailingSlash: boolean): string {
  const bare = pathname.replace(/\/+$/, '') || '/';
  if (!trailingSlash || bare === '/') return bare;
  if (/^\/\.well-known(?:\/|$)/.test(bare)) return pathname;
  const last = bare.slice(bare.lastIndexOf('/') + 1);
  if (/^.+\.\w+$/.test(last)) return bare;
  return last.includes('.') ? pathname : bare + '/';
}
