import { pathTags, type CacheHandler } from '@nexxo/runtime/cache';
import { cachedFetch, getDefaultCacheHandler, setDefaultCacheHandler, type CacheScope, type FetchInput, type NextFetchInit } from '../cache/index.js';
import type { FetchCacheSetting } from '../cache/fetch-types.js';
import { requestStorage, useDynamic, type RequestStore } from './request-store.js';

/**
 * Connects the data cache to requests: each render, action and route handler gets a CacheScope
 * (its handler, its path's tags, what makes it dynamic), and server code's `fetch` goes through it.
 */

/** The runtime hands over its platform's handler once, when the server starts (see createApp). */
export function configureCache(handler: CacheHandler): void {
  setDefaultCacheHandler(handler);
}

/** A scope for the request `store` serves: entries it stores carry the tags of `pathname` and `routeId`. */
export function attachCacheScope(store: RequestStore, pathname: string, routeId: string | null, options: { fetchCache?: FetchCacheSetting; onRevalidate?: (seconds: number) => void } = {}): void {
  const handler = getDefaultCacheHandler();
  if (!handler) return;
  const scope: CacheScope = {
    handler,
    implicitTags: pathTags(pathname, routeId ?? pathname),
    phase: store.phase,
    onDynamic: (reason) => useDynamic(store, reason),
    onRevalidate: options.onRevalidate ?? (() => {}),
    ...(options.fetchCache ? { fetchCache: options.fetchCache } : {}),
  };
  store.cacheScope = scope;
}

export function currentCacheScope(): CacheScope | undefined {
  return requestStorage.getStore()?.cacheScope;
}

/** Work a request must finish before its response (revalidatePath/Tag write to the handler asynchronously). */
export function trackInvalidation(work: Promise<unknown>): void {
  const store = requestStorage.getStore();
  const logged = work.catch((error: unknown) => console.error('[nexxo] Could not revalidate the cache:', error));
  if (store) (store.pendingInvalidations ??= []).push(logged);
}

export async function settleInvalidations(store: RequestStore): Promise<void> {
  if (store.pendingInvalidations) await Promise.all(store.pendingInvalidations);
}

// One patch per process: dev loads a new rsc build after each edit, and each must not wrap the last.
const PATCHED = Symbol.for('nexxo.fetch');
const globals = globalThis as typeof globalThis & { [PATCHED]?: { original: typeof fetch; scope: () => CacheScope | undefined } };
if (!globals[PATCHED]) {
  const state = { original: globalThis.fetch, scope: currentCacheScope };
  globals[PATCHED] = state;
  // Without cache options this is the platform's fetch: only `force-cache`, `next.revalidate` and `next.tags` are cached.
  globalThis.fetch = ((input: FetchInput, init?: NextFetchInit) => cachedFetch(state.scope(), state.original, input, init)) as typeof fetch;
} else {
  globals[PATCHED].scope = currentCacheScope;
}
