import type { CacheHandler } from '@nexxo/runtime/cache';
import { cacheNow, getDefaultCacheHandler } from './cache-defaults.js';
import { callCacheKey, fetchCacheKey } from './cache-key.js';
import { checkRevalidate, checkTags } from './cache-options.js';
import { invalidCacheOption } from './cache-option-error.js';
import type { CacheScope } from './cache-scope.js';
import { fetchCachePolicy } from './fetch-cache-policy.js';
import type { FetchInput, NextFetchInit } from './fetch-types.js';
import { readThrough, type ReadThroughOptions } from './read-through.js';
import { deserializeResponse, serializeResponse } from './serialized-response.js';

/**
 * `fetch` as server code sees it, with Next.js 15+ caching: nothing is cached unless asked for
 * (`cache: 'force-cache'`, `next.revalidate`, `next.tags`); `cache: 'no-store'` or
 * `next.revalidate: 0` make a prerender dynamic. Outside a request the default handler
 * (setDefaultCacheHandler) is used; with neither, it is a plain fetch.
 * @example
 * const response = await cachedFetch(scope, fetch, 'https://api.example.com/posts', { next: { revalidate: 60, tags: ['posts'] } });
 */
export async function cachedFetch(scope: CacheScope | undefined, fetchImpl: typeof fetch, input: FetchInput, init?: NextFetchInit): Promise<Response> {
  const policy = fetchCachePolicy(input, init, scope?.fetchCache);
  const send = () => fetchImpl(input, platformInit(init));
  if (policy.kind === 'uncached') return send();
  if (policy.kind === 'dynamic') {
    scope?.onDynamic(policy.reason);
    return send();
  }
  const handler = scope?.handler ?? getDefaultCacheHandler();
  if (!handler) return send();
  const key = await fetchCacheKey(input, init);
  if (key === null) return send(); // a streamed body cannot be part of a key
  if (typeof policy.revalidate === 'number') scope?.onRevalidate(policy.revalidate);
  const label = `fetch(${input instanceof Request ? input.url : String(input)})`;
  return readThrough({
    ...common(scope, handler, key, policy.tags, policy.revalidate, label),
    async produce() {
      const response = await send();
      return { value: await serializeResponse(response), cacheable: response.ok };
    },
    decode: deserializeResponse,
  });
}

/** Options of unstable_cache. */
export interface UnstableCacheOptions {
  /** Seconds until the value is stale, or false (the default): until a tag is invalidated. */
  revalidate?: number | false;
  tags?: string[];
}

/**
 * Caches the JSON-serialized result of `fn` per `keyParts`, `fn`'s source and the call's
 * arguments. Every call returns a fresh parse of the stored JSON, the first one too, so a value
 * that JSON changes (a Date becomes a string) behaves the same on a miss and on a hit.
 * `getScope` is read on each call; without a scope the default handler is used, and with no
 * handler at all `fn` simply runs.
 * @example
 * const getPosts = unstableCache(async (page: number) => db.posts(page), ['posts'], { revalidate: 60, tags: ['posts'] }, currentCacheScope);
 */
export function unstableCache<A extends unknown[], R>(
  fn: (...args: A) => Promise<R>,
  keyParts?: string[],
  options?: UnstableCacheOptions,
  getScope: () => CacheScope | undefined = () => undefined,
): (...args: A) => Promise<R> {
  if (typeof fn !== 'function') throw invalidCacheOption('unstable_cache first argument', fn, 'It must be the async function whose result is cached.');
  if (keyParts !== undefined && (!Array.isArray(keyParts) || keyParts.some((part) => typeof part !== 'string')))
    throw invalidCacheOption('unstable_cache keyParts', keyParts, "It must be an array of strings, e.g. ['posts'].");
  // revalidate: 0 would mean "never cache", which is no use for a cache wrapper (Next.js rejects it too).
  const revalidate = checkRevalidate(options?.revalidate, 'unstable_cache option revalidate', { allowZero: false }) ?? false;
  const tags = checkTags(options?.tags, 'unstable_cache option tags');
  const parts = keyParts ?? [];
  const source = fn.toString();
  const label = `unstable_cache(${parts.join(', ') || fn.name || 'anonymous'})`;

  return async (...args: A): Promise<R> => {
    const scope = getScope();
    const handler = scope?.handler ?? getDefaultCacheHandler();
    if (!handler) return fn(...args);
    const key = await callCacheKey(parts, source, args);
    if (typeof revalidate === 'number') scope?.onRevalidate(revalidate);
    const boxed = await readThrough({
      ...common(scope, handler, key, tags, revalidate, label),
      produce: async () => ({ value: encodeResult(await fn(...args), label), cacheable: true }),
      decode: decodeResult<R>,
    });
    return boxed.result;
  };
}

/** The options both kinds of cached read share. */
function common(scope: CacheScope | undefined, handler: CacheHandler, key: string, tags: string[], revalidate: number | false, label: string): Omit<ReadThroughOptions<never>, 'produce' | 'decode'> {
  return {
    handler,
    key,
    tags: [...new Set([...tags, ...(scope?.implicitTags ?? [])])],
    revalidate,
    phase: scope?.phase ?? 'request',
    now: cacheNow,
    waitUntil: scope?.waitUntil?.bind(scope),
    label,
  };
}

/**
 * `next` is Nexxo's, and `cache` is the data cache's to interpret: servers have no HTTP cache for
 * it to steer, and workerd rejects the field outright without a compatibility flag.
 */
function platformInit(init: NextFetchInit | undefined): Parameters<typeof fetch>[1] {
  if (!init || (!('next' in init) && !('cache' in init))) return init;
  const { next: _next, cache: _cache, ...rest } = init;
  return rest;
}

/** Boxed, so that `undefined` (which JSON cannot hold at the top level) survives the trip. */
function encodeResult(result: unknown, label: string): string {
  try {
    return JSON.stringify({ result });
  } catch (error) {
    throw new Error(`${label} returned a value that cannot be stored as JSON (${(error as Error).message}). Return plain data: strings, numbers, booleans, null, plain objects and arrays.`, { cause: error });
  }
}

function decodeResult<R>(value: string): { result: R } | undefined {
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? { result: (parsed as { result: R }).result } : undefined;
  } catch {
    return undefined;
  }
}
