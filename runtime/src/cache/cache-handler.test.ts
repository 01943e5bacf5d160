import { describe, expect, it } from 'vitest';
import { entryState, isCacheEntry, type CacheEntry } from './cache-handler.js';

const entry = (overrides: Partial<CacheEntry> = {}): CacheEntry => ({ value: 'v', tags: [], storedAt: 10_000, revalidate: 60, ...overrides });

describe('entryState', () => {
  it('is fresh before revalidate seconds have passed', () => {
    expect(entryState(entry(), 0, 10_000 + 59_999)).toBe('fresh');
  });

  it('is stale once revalidate seconds have passed', () => {
    expect(entryState(entry(), 0, 10_000 + 60_000)).toBe('stale');
  });

  it('never goes stale by time with revalidate false', () => {
    expect(entryState(entry({ revalidate: false }), 0, Number.MAX_SAFE_INTEGER)).toBe('fresh');
  });

  it('is invalidated when a tag was invalidated after the entry was stored', () => {
    expect(entryState(entry(), 10_001, 10_002)).toBe('invalidated');
  });

  it('is invalidated when a tag was invalidated in the same millisecond it was stored', () => {
    expect(entryState(entry(), 10_000, 10_000)).toBe('invalidated');
  });

  it('ignores invalidations older than the entry', () => {
    expect(entryState(entry(), 9_999, 10_001)).toBe('fresh');
  });

  it('prefers invalidated over stale, so an invalidated entry is a miss', () => {
    expect(entryState(entry({ revalidate: 1 }), 20_000, 30_000)).toBe('invalidated');
  });
});

describe('isCacheEntry', () => {
  it('accepts a well-formed entry', () => {
    expect(isCacheEntry(entry())).toBe(true);
    expect(isCacheEntry(entry({ revalidate: false }))).toBe(true);
  });

  it('rejects values with missing or mistyped fields', () => {
    expect(isCacheEntry(null)).toBe(false);
    expect(isCacheEntry('x')).toBe(false);
    expect(isCacheEntry({ ...entry(), value: 1 })).toBe(false);
    expect(isCacheEntry({ ...entry(), tags: [1] })).toBe(false);
    expect(isCacheEntry({ ...entry(), storedAt: '1' })).toBe(false);
    expect(isCacheEntry({ ...entry(), revalidate: true })).toBe(false);
  });
});
