import { isCacheEntry, type CacheEntry, type CacheHandler } from '@nexxo/runtime/cache';
import { openLevelStore } from './level-store.js';

/** Entries and tag times live side by side in one database, told apart by these prefixes. */
const ENTRY_PREFIX = 'entry:';
const TAG_PREFIX = 'tag:';
/** What tagsInvalidatedAt answers when the store cannot be read: everything counts as invalidated, a miss rather than stale data. */
const UNKNOWN_INVALIDATION = Number.MAX_SAFE_INTEGER;
/** How many missing keys are remembered (a few hundred kB at most); past that, misses read the disk. */
const MAX_MISSING_KEYS = 10_000;

export interface LevelCacheHandlerOptions {
  /** Where the one-time warnings go (default console.warn). */
  warn?: (message: string) => void;
}

/**
 * Node's data cache: entries and tag invalidations in a LevelDB folder (classic-level), so they
 * survive restarts. It never throws: a folder in use by another server makes it an in-memory
 * cache, a corrupt one is started over empty, an unreadable value is a miss.
 *
 * @example
 * const handler = createLevelCacheHandler(join(distDir, 'cache/data'));
 * // … serve …
 * await handler.close();
 */
export function createLevelCacheHandler(dir: string, options: LevelCacheHandlerOptions = {}): CacheHandler & { close(): Promise<void> } {
  const store = openLevelStore(dir, options.warn ?? ((message) => console.warn(message)));
  // Tag times are read-modify-write (keep the latest); one chain per handler keeps concurrent
  // invalidations in this process from overwriting a newer time with an older one.
  let tagWrites: Promise<unknown> = Promise.resolve();
  // Tag times read or written so far. The store's folder is locked to this process, so nobody else
  // changes them: every page request can check its tags without reading the disk again. A time
  // only ever grows, so a remembered one is never newer than the truth allows.
  const knownTimes = new Map<string, number>();
  const remember = (tag: string, time: number) => knownTimes.set(tag, Math.max(knownTimes.get(tag) ?? 0, time));
  // Keys read and found missing, for the same reason: only this process writes, so a key stays
  // missing until set() here. Every request for a prerendered page asks for its regenerated copy,
  // which usually does not exist; this answers without a disk read. `writes` counts set() calls, so
  // a read that a write overtook does not mark its key missing.
  const missingKeys = new Set<string>();
  let writes = 0;

  /** The latest invalidation time of `tags`; when it cannot be known, one that invalidates everything. */
  const readLatestTime = async (tags: string[]) => {
    const unknown = tags.filter((tag) => !knownTimes.has(tag));
    const known = Math.max(0, ...tags.map((tag) => knownTimes.get(tag) ?? 0));
    return unknown.length === 0 ? known : Math.max(known, await readStoredTime(unknown));
  };

  const readStoredTime = (tags: string[]) =>
    store.use(
      async (db) => {
        const texts = await db.getMany(tags.map((tag) => TAG_PREFIX + tag));
        const latest = Math.max(0, ...texts.map((text) => parseTime(text) ?? 0));
        const corrupt = tags.filter((_, index) => texts[index] !== undefined && parseTime(texts[index]) === undefined);
        tags.forEach((tag, index) => {
          if (!corrupt.includes(tag)) remember(tag, parseTime(texts[index]) ?? 0);
        });
        if (corrupt.length === 0) return latest;
        // An unreadable time could hide an invalidation: count it as one happening now, and store that.
        const now = Date.now();
        await writeTagTimes(corrupt, now);
        return Math.max(latest, now);
      },
      (memory) => memory.tagsInvalidatedAt(tags),
      UNKNOWN_INVALIDATION,
    );

  const writeTagTimes = (tags: string[], at: number): Promise<void> => {
    const write = tagWrites.then(() =>
      store.use(
        async (db) => {
          const times = await db.getMany(tags.map((tag) => TAG_PREFIX + tag));
          const puts = tags.map((tag, index) => ({ type: 'put' as const, key: TAG_PREFIX + tag, value: String(Math.max(parseTime(times[index]) ?? 0, at)) }));
          await db.batch(puts);
          for (const tag of tags) remember(tag, at);
        },
        async (memory) => {
          await memory.invalidateTags(tags, at);
          for (const tag of tags) remember(tag, at);
        },
        undefined,
      ),
    );
    tagWrites = write;
    return write;
  };

  return {
    async get(key) {
      if (missingKeys.has(key)) return undefined;
      const writesBefore = writes;
      return store.use(
        async (db) => {
          const text = await db.get(ENTRY_PREFIX + key);
          if (text === undefined && writes === writesBefore && missingKeys.size < MAX_MISSING_KEYS) missingKeys.add(key);
          return parseEntry(text);
        },
        (memory) => memory.get(key),
        undefined,
      );
    },
    async set(key, entry) {
      writes++;
      missingKeys.delete(key);
      await store.use((db) => db.put(ENTRY_PREFIX + key, JSON.stringify(entry)), (memory) => memory.set(key, entry), undefined);
    },
    async invalidateTags(tags, at) {
      if (tags.length > 0) await writeTagTimes([...new Set(tags)], at);
    },
    async tagsInvalidatedAt(tags) {
      return tags.length === 0 ? 0 : readLatestTime([...new Set(tags)]);
    },
    close: () => store.close(),
  };
}

/** A stored entry, or undefined for a value that is missing or not an entry (a miss, never an error). */
function parseEntry(text: string | undefined): CacheEntry | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isCacheEntry(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function parseTime(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const time = Number(text);
  return Number.isFinite(time) ? time : undefined;
}
