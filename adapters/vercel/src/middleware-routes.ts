import type { RouteCondition } from '@nexxo/runtime';
import { vercelConditions, type RouteMatch } from './config-routes.js';
import { escapeRegExp } from './route-regex.js';
import { sourceRegex } from './rule-source.js';

/**
 * What the middleware's `config.matcher` matches, as route matches (`src` with its `has`/`missing`):
 * the runtime runs middleware for a path under the base path whose remainder matches an entry
 * (`compileMiddlewareMatcher`). Build assets (`/_nexxo/…`) are always left out: the CDN serves
 * them, as before.
 *
 * @example
 * middlewareRoutes(['/account/:path*'], ''); // [{ src: '^(?!\\/_nexxo(?:\\/|$))\\/account(?<pathPart>…)?(?:\\/)?$' }]
 */
export function middlewareRoutes(matcher: unknown, basePath: string): RouteMatch[] {
  const assets = `${basePath}/_nexxo`;
  if (matcher === undefined) return [{ src: `^(?!${escapeRegExp(assets)}(?:\\/|$))${escapeRegExp(basePath)}(?:\\/.*)?$` }];
  const entries = (Array.isArray(matcher) ? matcher : [matcher]) as Array<string | { source: string; has?: RouteCondition[]; missing?: RouteCondition[] }>;
  return entries.flatMap((entry) => {
    const { source, has, missing } = typeof entry === 'string' ? { source: entry } : entry;
    const conditions = { ...(vercelConditions(has) ? { has: vercelConditions(has) } : {}), ...(vercelConditions(missing) ? { missing: vercelConditions(missing) } : {}) };
    const { src } = sourceRegex(source, { basePath, exclude: assets });
    const matches: RouteMatch[] = [{ src, ...conditions }];
    // The runtime matches `/` for the base path itself; the base path in front of the source does not always.
    if (basePath && source !== '/' && new RegExp(sourceRegex(source, { basePath: '' }).src, 'i').test('/')) matches.push({ src: `^${escapeRegExp(basePath)}$`, ...conditions });
    return matches;
  });
}
