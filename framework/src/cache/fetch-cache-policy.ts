import { invalidCacheOption } from './cache-option-error.js';
import { checkRevalidate, checkTags } from './cache-options.js';
import type { FetchCacheMode, FetchCacheSetting, FetchInput, NextFetchInit } from './fetch-types.js';

/**
 * What the data cache does with one fetch, by Next.js 15 rules:
 * - `uncached`: nothing asked for caching: a plain fetch;
 * - `dynamic`: `cache: 'no-store'` (or `'no-cache'`) or `next.revalidate: 0`: a plain fetch that makes a prerender dynamic;
 * - `cached`: `cache: 'force-cache'`, a `next.revalidate` other than 0, or `next.tags`.
 * The route's `fetchCache` changes the default of fetches that give neither `cache` nor
 * `next.revalidate` (`default-*`), overrides every fetch (`force-*`), or forbids the other kind (`only-*`).
 */
export type FetchCachePolicy =
  | { kind: 'uncached' }
  | { kind: 'dynamic'; reason: string }
  | { kind: 'cached'; revalidate: number | false; tags: string[] };

const warned = new Set<string>();

export function fetchCachePolicy(input: FetchInput, init: NextFetchInit | undefined, fetchCache: FetchCacheSetting = 'auto'): FetchCachePolicy {
  const next: unknown = init?.next;
  if (next !== undefined && (typeof next !== 'object' || next === null))
    throw invalidCacheOption('fetch option next', next, "It must be an object such as { revalidate: 60, tags: ['posts'] }.");
  const revalidate = checkRevalidate(init?.next?.revalidate, 'fetch option next.revalidate', { allowZero: true });
  const tags = checkTags(init?.next?.tags, 'fetch option next.tags');
  const cache = cacheMode(input, init);
  const url = describeUrl(input);
  const noStore = cache === 'no-store' || cache === 'no-cache';

  // The side that does not cache wins a conflict: serving stale or shared data is the worse mistake.
  if (noStore && revalidate !== undefined && revalidate !== 0)
    warnOnce('no-store', `[nexxo] fetch(${url}) has both cache: '${cache}' and next.revalidate: ${revalidate}; only one should be given. It is not cached (cache: '${cache}' wins).`);
  if (cache === 'force-cache' && revalidate === 0)
    warnOnce('force-cache', `[nexxo] fetch(${url}) has both cache: 'force-cache' and next.revalidate: 0; only one should be given. It is not cached (revalidate: 0 wins).`);

  const setting = `export const fetchCache = '${fetchCache}'`;
  if (fetchCache === 'force-no-store') return { kind: 'dynamic', reason: `fetch(${url}) under ${setting}` };
  if (fetchCache === 'force-cache') return { kind: 'cached', revalidate: revalidate || false, tags };
  const unspecified = cache === undefined && revalidate === undefined;
  if (fetchCache === 'only-cache' && (noStore || revalidate === 0))
    throw invalidCacheOption(`cache option of fetch(${url})`, cache ?? 'next.revalidate: 0', `The route has ${setting}, which allows cached fetches only: remove the option, or change fetchCache.`);
  if (fetchCache === 'only-no-store' && (cache === 'force-cache' || (revalidate !== undefined && revalidate !== 0)))
    throw invalidCacheOption(`cache option of fetch(${url})`, cache ?? `next.revalidate: ${String(revalidate)}`, `The route has ${setting}, which allows uncached fetches only: remove the option, or change fetchCache.`);
  if (unspecified && (fetchCache === 'default-no-store' || fetchCache === 'only-no-store')) return { kind: 'dynamic', reason: `fetch(${url}) under ${setting}` };
  if (unspecified && (fetchCache === 'default-cache' || fetchCache === 'only-cache')) return { kind: 'cached', revalidate: false, tags };

  if (noStore) return { kind: 'dynamic', reason: `fetch(${url}) with cache: '${cache}'` };
  if (revalidate === 0) return { kind: 'dynamic', reason: `fetch(${url}) with next.revalidate: 0` };
  if (cache === 'force-cache' || revalidate !== undefined || init?.next?.tags !== undefined) return { kind: 'cached', revalidate: revalidate ?? false, tags };
  return { kind: 'uncached' };
}

/** init.cache, else a Request's own mode; 'default' (what every Request has) counts as not given. */
function cacheMode(input: FetchInput, init: NextFetchInit | undefined): FetchCacheMode | undefined {
  const mode = init?.cache ?? (input instanceof Request ? input.cache : undefined);
  return mode === 'default' ? undefined : mode;
}

function describeUrl(input: FetchInput): string {
  const url = input instanceof Request ? input.url : String(input);
  return url.length > 100 ? `${url.slice(0, 100)}…` : url;
}

function warnOnce(kind: string, message: string): void {
  if (warned.has(kind)) return;
  warned.add(kind);
  console.warn(message);
}
