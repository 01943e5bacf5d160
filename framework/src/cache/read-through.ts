import { entryState, type CacheHandler } from '@nexxo/runtime/cache';

/** What a cached read produced: its serialized value, and whether it may be stored (a 2xx response). */
export interface Produced {
  value: string;
  cacheable: boolean;
}

export interface ReadThroughOptions<T> {
  handler: CacheHandler;
  key: string;
  /** Explicit and implicit tags: stored with the entry, and checked against invalidations. */
  tags: string[];
  revalidate: number | false;
  phase: 'request' | 'prerender';
  now(): number;
  waitUntil?(promise: Promise<unknown>): void;
  /** For log messages: `fetch(https://…)`, `unstable_cache(posts)`. */
  label: string;
  produce(): Promise<Produced>;
  /** The value for the caller, a new one per read; undefined when a stored value is unusable (a miss). */
  decode(value: string): T | undefined;
}

/** Above this, values are not stored (Next.js's limit too): one huge response must not push out the rest. */
export const MAX_VALUE_LENGTH = 2 * 1024 * 1024;

// In-flight work per handler and key, so concurrent reads in this process share one fetch. Misses
// and background refreshes are kept apart: a miss after an invalidation must not be answered by
// a refresh that started before it.
const loading = new WeakMap<CacheHandler, Map<string, Promise<Produced>>>();
const refreshing = new WeakMap<CacheHandler, Set<string>>();

/**
 * The data cache's one rule, shared by fetch and unstable_cache: fresh → the stored value;
 * stale → the stored value, refreshed once in the background; invalidated or missing → produce,
 * store, return.
 */
export async function readThrough<T>(options: ReadThroughOptions<T>): Promise<T> {
  const { handler, key } = options;
  const entry = await guarded('read', () => handler.get(key), undefined);
  if (entry) {
    const checked = [...new Set([...entry.tags, ...options.tags])];
    const invalidatedAt = await guarded('read tag invalidations', () => handler.tagsInvalidatedAt(checked), Number.MAX_SAFE_INTEGER);
    // The current call's revalidate applies, so shortening it in code takes effect at once.
    const state = entryState({ ...entry, revalidate: options.revalidate }, invalidatedAt, options.now());
    const cached = state === 'invalidated' ? undefined : options.decode(entry.value);
    if (cached !== undefined) {
      if (state === 'fresh') return cached;
      // A prerender or background regeneration has no one waiting for it; serving stale data
      // there would bake it into the page for another period, so it waits for fresh data.
      if (options.phase === 'request') {
        refreshInBackground(options);
        return cached;
      }
    }
  }
  const produced = await loadOnce(options);
  const value = options.decode(produced.value);
  if (value === undefined) throw new Error(`[nexxo] ${options.label} produced a value the data cache cannot read back.`);
  return value;
}

function loadOnce<T>(options: ReadThroughOptions<T>): Promise<Produced> {
  const pending = mapFor(loading, options.handler, () => new Map());
  let promise = pending.get(options.key);
  if (!promise) {
    promise = produceAndStore(options).finally(() => pending.delete(options.key));
    pending.set(options.key, promise);
  }
  return promise;
}

function refreshInBackground<T>(options: ReadThroughOptions<T>): void {
  const pending = mapFor(refreshing, options.handler, () => new Set());
  if (pending.has(options.key)) return;
  pending.add(options.key);
  const refresh = produceAndStore(options)
    .catch((error: unknown) => console.error(`[nexxo] Refreshing ${options.label} in the background failed; the stale value is served until a refresh succeeds.`, error))
    .finally(() => pending.delete(options.key));
  options.waitUntil?.(refresh);
}

async function produceAndStore<T>(options: ReadThroughOptions<T>): Promise<Produced> {
  // Stored with the time the work started: an invalidation that lands while it runs may concern
  // data it already read, so it must count as later than the entry.
  const storedAt = options.now();
  const produced = await options.produce();
  if (!produced.cacheable) return produced;
  if (produced.value.length > MAX_VALUE_LENGTH) {
    console.warn(`[nexxo] ${options.label} is not cached: its value is ${produced.value.length} characters, over the data cache's limit of ${MAX_VALUE_LENGTH}.`);
    return produced;
  }
  const entry = { value: produced.value, tags: options.tags, storedAt, revalidate: options.revalidate };
  await guarded('write', () => options.handler.set(options.key, entry), undefined);
  return produced;
}

/** A failing cache handler costs a cache hit, never the user's read. */
async function guarded<T>(action: string, run: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await run();
  } catch (error) {
    console.error(`[nexxo] The data cache handler failed to ${action}; continuing without the cache for this read.`, error);
    return fallback;
  }
}

function mapFor<V extends object>(map: WeakMap<CacheHandler, V>, handler: CacheHandler, create: () => V): V {
  let value = map.get(handler);
  if (!value) map.set(handler, (value = create()));
  return value;
}
