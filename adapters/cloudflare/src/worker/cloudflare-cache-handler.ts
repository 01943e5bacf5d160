import { isCacheEntry, type CacheEntry, type CacheHandler } from '@nexxo/runtime/cache';

/** The binding name of the KV namespace that, when the app declares it, holds the data cache. */
export const CACHE_KV_BINDING = 'NEXXO_CACHE';

/** As much of a KV namespace as the cache uses. */
export interface KvNamespaceLike {
  get(key: string): Promise<string | null>;
  put(key: string, value: string): Promise<void>;
}

/** As much of the Workers Cache API (`caches.default`) as the cache uses. */
export interface CacheApiLike {
  match(request: Request): Promise<Response | undefined>;
  put(request: Request, response: Response): Promise<void>;
}

/** Where one request's cache reads and writes go: KV when bound, else the Cache API. */
export interface CacheStores {
  kv(): KvNamespaceLike | undefined;
  cacheApi(): CacheApiLike | undefined;
}

interface TextStore {
  read(key: string): Promise<string | null>;
  write(key: string, value: string): Promise<void>;
}

const ENTRY_PREFIX = 'entry:';
const TAG_PREFIX = 'tag:';
/** KV keys are at most 512 bytes; longer keys are stored under their SHA-256. */
const MAX_KEY_LENGTH = 400;
/** Cache API entries need an HTTP URL; this host never resolves, it only names entries. */
const CACHE_API_ORIGIN = 'https://nexxo-data-cache.invalid/';
/** The Cache API keeps an entry at most this long; freshness is decided by `entryState`, not by it. */
const CACHE_API_MAX_AGE = 60 * 60 * 24 * 365;

/**
 * Cloudflare's data cache. With a KV namespace bound as `NEXXO_CACHE` (wrangler.jsonc
 * `kv_namespaces`), entries and tag invalidations are global and survive deploys, with KV's
 * eventual consistency (a write may take up to a minute to reach other locations). Without it the
 * Cache API of the data center serving the request keeps them: local to that location, and
 * entries may be evicted (a miss, never stale data served for fresh).
 *
 * @example
 * const cache = createCloudflareCacheHandler({ kv: () => env.NEXXO_CACHE, cacheApi: () => caches.default });
 */
export function createCloudflareCacheHandler(stores: CacheStores): CacheHandler {
  const store = (): TextStore | null => {
    const kv = stores.kv();
    if (kv) return { read: (key) => kv.get(key), write: (key, value) => kv.put(key, value) };
    const cache = stores.cacheApi();
    if (!cache) return null;
    return {
      async read(key) {
        const response = await cache.match(new Request(CACHE_API_ORIGIN + encodeURIComponent(key)));
        return response ? response.text() : null;
      },
      write: (key, value) =>
        cache.put(new Request(CACHE_API_ORIGIN + encodeURIComponent(key)), new Response(value, { headers: { 'Cache-Control': `public, max-age=${CACHE_API_MAX_AGE}`, 'Content-Type': 'application/json' } })),
    };
  };

  const readTime = async (target: TextStore, tag: string) => parseTime(await target.read(await storeKey(TAG_PREFIX + tag)));

  return {
    async get(key) {
      const target = store();
      if (!target) return undefined;
      return parseEntry(await target.read(await storeKey(ENTRY_PREFIX + key)));
    },
    async set(key, entry) {
      await store()?.write(await storeKey(ENTRY_PREFIX + key), JSON.stringify(entry));
    },
    async invalidateTags(tags, at) {
      const target = store();
      if (!target) return;
      await Promise.all(
        [...new Set(tags)].map(async (tag) => {
          // Keep the latest time: an older invalidation arriving late must not undo a newer one.
          const current = await readTime(target, tag);
          if (current < at) await target.write(await storeKey(TAG_PREFIX + tag), String(at));
        }),
      );
    },
    async tagsInvalidatedAt(tags) {
      const target = store();
      if (!target || tags.length === 0) return 0;
      const times = await Promise.all([...new Set(tags)].map((tag) => readTime(target, tag)));
      return Math.max(0, ...times);
    },
  };
}

async function storeKey(key: string): Promise<string> {
  if (key.length <= MAX_KEY_LENGTH) return key;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key)));
  return key.slice(0, key.indexOf(':') + 1) + 'sha256:' + Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** An unreadable time could hide an invalidation, so it counts as one happening now. */
function parseTime(text: string | null): number {
  if (text === null) return 0;
  const time = Number(text);
  return text !== '' && Number.isFinite(time) ? time : Date.now();
}

/** A stored value read back; anything unreadable (another version's format, damage) is a miss. */
function parseEntry(text: string | null): CacheEntry | undefined {
  if (text === null) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isCacheEntry(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
