import { describe, expect, it } from 'vitest';
import type { CacheEntry } from './cache-handler.js';
import { createMemoryCacheHandler } from './memory-cache-handler.js';

const entry = (value: string, tags: string[] = []): CacheEntry => ({ value, tags, storedAt: 1, revalidate: false });

describe('createMemoryCacheHandler', () => {
  it('returns what was set, and undefined for a key never set', async () => {
    const handler = createMemoryCacheHandler();
    await handler.set('a', entry('1', ['t']));
    expect(await handler.get('a')).toEqual(entry('1', ['t']));
    expect(await handler.get('b')).toBeUndefined();
  });

  it('evicts the least recently used entry beyond maxEntries', async () => {
    const handler = createMemoryCacheHandler({ maxEntries: 2 });
    await handler.set('a', entry('1'));
    await handler.set('b', entry('2'));
    await handler.get('a'); // a is now more recently used than b
    await handler.set('c', entry('3'));
    expect(await handler.get('a')).toBeDefined();
    expect(await handler.get('b')).toBeUndefined();
    expect(await handler.get('c')).toBeDefined();
  });

  it('does not let a reader mutate the stored entry', async () => {
    const handler = createMemoryCacheHandler();
    await handler.set('a', entry('1', ['t']));
    (await handler.get('a'))!.tags.push('other');
    expect((await handler.get('a'))!.tags).toEqual(['t']);
  });

  it('reports the latest invalidation time of any of the tags, 0 for none', async () => {
    const handler = createMemoryCacheHandler();
    expect(await handler.tagsInvalidatedAt(['x'])).toBe(0);
    await handler.invalidateTags(['x', 'y'], 100);
    await handler.invalidateTags(['y'], 200);
    expect(await handler.tagsInvalidatedAt(['x'])).toBe(100);
    expect(await handler.tagsInvalidatedAt(['x', 'y', 'z'])).toBe(200);
  });

  it('keeps the newer time when an older invalidation arrives late', async () => {
    const handler = createMemoryCacheHandler();
    await handler.invalidateTags(['x'], 200);
    await handler.invalidateTags(['x'], 100);
    expect(await handler.tagsInvalidatedAt(['x'])).toBe(200);
  });

  it('rejects a maxEntries that is not a positive integer', () => {
    expect(() => createMemoryCacheHandler({ maxEntries: 0 })).toThrow(/maxEntries must be a positive integer/);
  });
});
