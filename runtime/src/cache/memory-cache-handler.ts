import type { CacheEntry, CacheHandler } from './cache-handler.js';

export interface MemoryCacheHandlerOptions {
  /** Entries kept before the least recently used one is dropped (default 1000). */
  maxEntries?: number;
}

/**
 * A data cache held in this process: for dev, tests, and platforms without storage. Entries are
 * copied in and out so a caller mutating what it read cannot change what the next reader sees.
 *
 * Tag invalidation times are not evicted: forgetting one could bring an invalidated entry back.
 * They are one number per tag ever revalidated, which stays small in practice.
 *
 * @example
 * const handler = createMemoryCacheHandler({ maxEntries: 500 });
 * await handler.set('k', { value: '1', tags: [], storedAt: Date.now(), revalidate: 60 });
 */
export function createMemoryCacheHandler(options: MemoryCacheHandlerOptions = {}): CacheHandler {
  const maxEntries = options.maxEntries ?? 1000;
  if (!Number.isInteger(maxEntries) || maxEntries < 1)
    throw new Error(`createMemoryCacheHandler: maxEntries must be a positive integer, got ${String(maxEntries)}.`);
  // A Map iterates in insertion order, so re-inserting on use keeps the least recently used first.
  const entries = new Map<string, CacheEntry>();
  const tagTimes = new Map<string, number>();

  return {
    async get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return copy(entry);
    },
    async set(key, entry) {
      entries.delete(key);
      entries.set(key, copy(entry));
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
    async invalidateTags(tags, at) {
      // Keep the latest time: an invalidation that arrives late with an older time must not undo a newer one.
      for (const tag of tags) tagTimes.set(tag, Math.max(tagTimes.get(tag) ?? 0, at));
    },
    async tagsInvalidatedAt(tags) {
      let latest = 0;
      for (const tag of tags) latest = Math.max(latest, tagTimes.get(tag) ?? 0);
      return latest;
    },
  };
}

function copy(entry: CacheEntry): CacheEntry {
  return { value: entry.value, tags: [...entry.tags], storedAt: entry.storedAt, revalidate: entry.revalidate };
}
