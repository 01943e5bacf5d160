import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CacheEntry } from '@nexxo/runtime/cache';
import { createLevelCacheHandler } from './level-cache-handler.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nexxo-data-cache-'));
  dirs.push(dir);
  return join(dir, 'store');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const entry = (value: string, tags: string[] = [], storedAt = 1000): CacheEntry => ({ value, tags, storedAt, revalidate: 60 });

describe('createLevelCacheHandler', () => {
  it('keeps entries and tag invalidations across a close and reopen', async () => {
    const dir = tempDir();
    const first = createLevelCacheHandler(dir);
    await first.set('a', entry('1', ['t']));
    await first.invalidateTags(['t'], 500);
    await first.close();

    const second = createLevelCacheHandler(dir);
    expect(await second.get('a')).toEqual(entry('1', ['t']));
    expect(await second.tagsInvalidatedAt(['t', 'other'])).toBe(500);
    await second.close();
  });

  it('finds an entry set after a read found its key missing, also when the write overtakes the read', async () => {
    const handler = createLevelCacheHandler(tempDir());
    expect(await handler.get('page:/')).toBeUndefined();
    expect(await handler.get('page:/')).toBeUndefined();
    await handler.set('page:/', entry('regenerated'));
    expect(await handler.get('page:/')).toEqual(entry('regenerated'));
    // A read in flight while the key is written must not remember it as missing.
    const reading = handler.get('page:/blog');
    await handler.set('page:/blog', entry('new'));
    await reading;
    expect(await handler.get('page:/blog')).toEqual(entry('new'));
    await handler.close();
  });

  it('sees an invalidation made after the tag was read, and an older one never lowers it', async () => {
    const handler = createLevelCacheHandler(tempDir());
    expect(await handler.tagsInvalidatedAt(['t'])).toBe(0);
    await handler.invalidateTags(['t'], 700);
    expect(await handler.tagsInvalidatedAt(['t'])).toBe(700);
    await handler.invalidateTags(['t'], 300);
    expect(await handler.tagsInvalidatedAt(['t', 'u'])).toBe(700);
    await handler.close();
  });

  it('answers undefined for a missing key and 0 for tags never invalidated', async () => {
    const handler = createLevelCacheHandler(tempDir());
    expect(await handler.get('missing')).toBeUndefined();
    expect(await handler.tagsInvalidatedAt(['never'])).toBe(0);
    expect(await handler.tagsInvalidatedAt([])).toBe(0);
    await handler.close();
  });

  it('stays consistent under hundreds of concurrent reads, writes and invalidations', async () => {
    const handler = createLevelCacheHandler(tempDir());
    const count = 300;
    await Promise.all(
      Array.from({ length: count }, async (_, index) => {
        await handler.set(`k${index}`, entry(String(index), [`t${index % 10}`]));
        await handler.invalidateTags([`t${index % 10}`, 'shared'], index);
        return handler.get(`k${index}`);
      }),
    );
    const values = await Promise.all(Array.from({ length: count }, (_, index) => handler.get(`k${index}`)));
    expect(values.map((value) => value?.value)).toEqual(Array.from({ length: count }, (_, index) => String(index)));
    // The latest time wins even though the invalidations raced.
    expect(await handler.tagsInvalidatedAt(['shared'])).toBe(count - 1);
    expect(await handler.tagsInvalidatedAt(['t3'])).toBe(293);
    await handler.close();
  });

  it('warns once and works in memory when another handle holds the folder', async () => {
    const dir = tempDir();
    const owner = createLevelCacheHandler(dir);
    await owner.set('a', entry('1'));
    const warnings: string[] = [];
    const second = createLevelCacheHandler(dir, { warn: (message) => warnings.push(message) });

    expect(await second.get('a')).toBeUndefined();
    await second.set('b', entry('2'));
    expect(await second.get('b')).toEqual(entry('2'));
    await second.invalidateTags(['t'], 7);
    expect(await second.tagsInvalidatedAt(['t'])).toBe(7);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(dir);
    expect(warnings[0]).toContain('Fix: stop the other server, or give each server its own cache directory');
    // The owner is unaffected.
    expect(await owner.get('a')).toEqual(entry('1'));
    await Promise.all([owner.close(), second.close()]);
  });

  it('warns once and starts over empty when the store files are corrupt', async () => {
    const dir = tempDir();
    const first = createLevelCacheHandler(dir);
    await first.set('a', entry('1'));
    await first.close();
    for (const file of readdirSync(dir)) if (file !== 'LOCK') writeFileSync(join(dir, file), 'garbage, not a LevelDB file');

    const warnings: string[] = [];
    const second = createLevelCacheHandler(dir, { warn: (message) => warnings.push(message) });
    expect(await second.get('a')).toBeUndefined();
    await second.set('b', entry('2'));
    expect(await second.get('b')).toEqual(entry('2'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/could not be opened .*starting it over empty/);
    await second.close();

    // Recreated on disk, not just in memory.
    const third = createLevelCacheHandler(dir);
    expect(await third.get('b')).toEqual(entry('2'));
    await third.close();
  });

  it('treats a value that is not a valid entry as a miss', async () => {
    const dir = tempDir();
    const { ClassicLevel } = await import('classic-level');
    const db = new ClassicLevel<string, string>(dir);
    await db.put('entry:bad-json', '{not json');
    await db.put('entry:wrong-shape', JSON.stringify({ value: 1 }));
    await db.close();

    const handler = createLevelCacheHandler(dir);
    expect(await handler.get('bad-json')).toBeUndefined();
    expect(await handler.get('wrong-shape')).toBeUndefined();
    await handler.close();
  });

  it('counts an unreadable tag time as an invalidation now, then repairs it', async () => {
    const dir = tempDir();
    const { ClassicLevel } = await import('classic-level');
    const db = new ClassicLevel<string, string>(dir);
    await db.put('tag:t', 'garbage');
    await db.close();

    const before = Date.now();
    const handler = createLevelCacheHandler(dir);
    const first = await handler.tagsInvalidatedAt(['t']);
    expect(first).toBeGreaterThanOrEqual(before);
    expect(first).toBeLessThanOrEqual(Date.now());
    // Stored, so later reads agree instead of moving forward each time.
    expect(await handler.tagsInvalidatedAt(['t'])).toBe(first);
    await handler.close();
  });

  it('answers misses after close instead of throwing', async () => {
    const handler = createLevelCacheHandler(tempDir());
    await handler.set('a', entry('1'));
    await handler.close();
    expect(await handler.get('a')).toBeUndefined();
    await expect(handler.set('b', entry('2'))).resolves.toBeUndefined();
  });
});
