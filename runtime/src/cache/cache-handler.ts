/**
 * The data cache's storage, one implementation per platform (memory, classic-level on Node, …).
 * Handlers only store and look up; what "fresh" means is decided by `entryState`, so every
 * platform serves the same data for the same history of writes and invalidations.
 */

export interface CacheEntry {
  /** The cached value, serialized by the caller (JSON text, or base64 for bytes). */
  value: string;
  /** Explicit tags (fetch `next.tags`, unstable_cache `tags`) and implicit ones (the page's path). */
  tags: string[];
  /** When the value was produced (ms since epoch). */
  storedAt: number;
  /** Seconds after storedAt when the entry becomes stale (still served while it is refreshed), or false: never by time. */
  revalidate: number | false;
}

export interface CacheHandler {
  get(key: string): Promise<CacheEntry | undefined>;
  set(key: string, entry: CacheEntry): Promise<void>;
  /** Records that entries carrying any of `tags`, stored before `at`, are out of date. */
  invalidateTags(tags: string[], at: number): Promise<void>;
  /** The latest invalidation time of any of `tags` (0 when none was invalidated). */
  tagsInvalidatedAt(tags: string[]): Promise<number>;
}

export type EntryState = 'fresh' | 'stale' | 'invalidated';

/**
 * `invalidated`: a tag was invalidated at or after the entry was stored, so it must not be served
 * (a miss). `stale`: only its time ran out, so it may be served while it is refreshed. "At or
 * after" rather than "after": with millisecond clocks a write and an invalidation can share a
 * timestamp, and serving possibly outdated data is the worse mistake.
 */
export function entryState(entry: CacheEntry, invalidatedAt: number, now: number): EntryState {
  if (invalidatedAt > 0 && invalidatedAt >= entry.storedAt) return 'invalidated';
  if (entry.revalidate !== false && now >= entry.storedAt + entry.revalidate * 1000) return 'stale';
  return 'fresh';
}

/** The value a handler reads back, checked field by field: a store may hold anything after a crash or a format change. */
export function isCacheEntry(value: unknown): value is CacheEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.value === 'string' &&
    Array.isArray(entry.tags) &&
    entry.tags.every((tag) => typeof tag === 'string') &&
    typeof entry.storedAt === 'number' &&
    (entry.revalidate === false || (typeof entry.revalidate === 'number' && entry.revalidate >= 0))
  );
}
