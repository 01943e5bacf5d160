import { revalidatePathTags } from '@nexxo/runtime/cache';
import { cacheNow, getDefaultCacheHandler, invalidate, unstableCache, type UnstableCacheOptions } from '../cache/index.js';
import { currentCacheScope, trackInvalidation } from '../rsc/request-cache.js';
import { getRequestStore, requestStorage, useDynamic } from '../rsc/request-store.js';

/** Invalidates entries with these tags in the platform's cache (the request waits for it before answering). */
function invalidateTags(tags: string[]): void {
  const handler = currentCacheScope()?.handler ?? getDefaultCacheHandler();
  if (handler) trackInvalidation(invalidate(handler, tags, cacheNow()));
}

/**
 * Re-render what the browser shows once the current server action finishes: its response carries
 * the updated page, in the same round trip.
 */
function refreshAfterAction(): void {
  const store = requestStorage.getStore();
  if (store?.action) store.action.refresh = true;
}

/**
 * Marks a path's cached data and page as out of date. `type: 'layout'` reaches every page under it.
 * In a server action, the response also carries the re-rendered page.
 * @example revalidatePath('/blog/[slug]'); revalidatePath('/blog', 'layout');
 */
export function revalidatePath(path: string, type?: 'page' | 'layout'): void {
  if (typeof path !== 'string' || !path.startsWith('/')) throw new Error(`revalidatePath(${JSON.stringify(path)}): the path must start with "/", e.g. revalidatePath('/blog').`);
  if (type !== undefined && type !== 'page' && type !== 'layout') throw new Error(`revalidatePath('${path}', ${JSON.stringify(type)}): the type is 'page' or 'layout'.`);
  invalidateTags(revalidatePathTags(path, type));
  refreshAfterAction();
}

/** Marks every cached entry with this tag (fetch `next.tags`, unstable_cache `tags`) as out of date. */
export function revalidateTag(tag: string): void {
  if (typeof tag !== 'string' || tag.length === 0) throw new Error('revalidateTag(tag): the tag is a non-empty string, as given to fetch `next.tags` or unstable_cache `tags`.');
  invalidateTags([tag]);
  refreshAfterAction();
}

/** In a server action: the browser shows the re-rendered page once the action finishes. */
export function refresh(): void {
  const store = getRequestStore('refresh()');
  if (!store.action) throw new Error('refresh() only works in a server action: it re-renders the page the action was called from. In a client component, use router.refresh().');
  store.action.refresh = true;
}

/**
 * Caches what `fn` returns (as JSON) across requests, keyed by `keyParts`, `fn` itself and its
 * arguments, until `revalidate` seconds pass (then it is refreshed in the background) or one of
 * `tags` is revalidated.
 * @example
 * const getPosts = unstable_cache(async () => db.posts.findMany(), ['posts'], { revalidate: 60, tags: ['posts'] });
 */
export function unstable_cache<A extends unknown[], R>(fn: (...args: A) => Promise<R>, keyParts?: string[], options?: UnstableCacheOptions): (...args: A) => Promise<R> {
  return unstableCache(fn, keyParts, options, currentCacheScope);
}

/** Opts the render out of prerendering, like `fetch(…, { cache: 'no-store' })` (Next.js's `unstable_noStore`; prefer `connection()`). */
export function unstable_noStore(): void {
  const store = requestStorage.getStore();
  if (store) useDynamic(store, '`unstable_noStore()`');
}
