import type { CacheHandler } from '@nexxo/runtime/cache';

/**
 * Process-wide settings for cached reads that run outside any request (module scope, a timer),
 * where there is no CacheScope to carry them.
 */
let defaultHandler: CacheHandler | undefined;
let clock: () => number = Date.now;

/** The handler used when no request is running; without one, such reads are not cached. */
export function setDefaultCacheHandler(handler: CacheHandler | undefined): void {
  defaultHandler = handler;
}

export function getDefaultCacheHandler(): CacheHandler | undefined {
  return defaultHandler;
}

/**
 * Replaces the clock the data cache reads (ms since epoch), so tests can step over revalidate
 * periods without waiting; `undefined` restores `Date.now`.
 * @example
 * let now = 0;
 * setCacheClock(() => now);
 * now += 61_000; // a `revalidate: 60` entry is now stale
 */
export function setCacheClock(now: (() => number) | undefined): void {
  clock = now ?? Date.now;
}

export function cacheNow(): number {
  return clock();
}
