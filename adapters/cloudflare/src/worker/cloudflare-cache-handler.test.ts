import { describe, expect, it } from 'vitest';
import { createCloudflareCacheHandler, type CacheApiLike, type KvNamespaceLike } from './cloudflare-cache-handler.js';

function fakeKv(): KvNamespaceLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, get: async (key) => data.get(key) ?? null, put: async (key, value) => void data.set(key, value) };
}

function fakeCacheApi(): CacheApiLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    match: async (request) => (data.has(request.url) ? new Response(data.get(request.url)) : undefined),
    put: async (request, response) => void data.set(request.url, await response.text()),
  };
}

const entry = { value: '"v"', tags: ['posts'], storedAt: 1000, revalidate: 60 as const };

describe.each(['kv', 'cache api'] as const)('the Cloudflare data cache on %s', (kind) => {
  const setup = () => {
    const kv = fakeKv();
    const cacheApi = fakeCacheApi();
    const handler = createCloudflareCacheHandler({ kv: () => (kind === 'kv' ? kv : undefined), cacheApi: () => cacheApi });
    return { handler, data: kind === 'kv' ? kv.data : cacheApi.data };
  };

  it('stores and reads entries back', async () => {
    const { handler } = setup();
    expect(await handler.get('k')).toBeUndefined();
    await handler.set('k', entry);
    expect(await handler.get('k')).toEqual(entry);
  });

  it('keeps the latest invalidation time of each tag', async () => {
    const { handler } = setup();
    expect(await handler.tagsInvalidatedAt(['posts'])).toBe(0);
    await handler.invalidateTags(['posts', 'posts'], 2000);
    await handler.invalidateTags(['posts'], 1500);
    await handler.invalidateTags(['users'], 3000);
    expect(await handler.tagsInvalidatedAt(['posts'])).toBe(2000);
    expect(await handler.tagsInvalidatedAt(['posts', 'users'])).toBe(3000);
  });

  it('reads a damaged entry as a miss and a damaged tag time as an invalidation now', async () => {
    const { handler, data } = setup();
    await handler.set('k', entry);
    await handler.invalidateTags(['posts'], 2000);
    for (const key of data.keys()) data.set(key, '{not json');
    const before = Date.now();
    expect(await handler.get('k')).toBeUndefined();
    expect(await handler.tagsInvalidatedAt(['posts'])).toBeGreaterThanOrEqual(before);
  });

  it('stores keys too long for KV under their hash, without mixing them up', async () => {
    const { handler, data } = setup();
    const long = (suffix: string) => 'x'.repeat(600) + suffix;
    await handler.set(long('a'), { ...entry, value: '"a"' });
    await handler.set(long('b'), { ...entry, value: '"b"' });
    expect((await handler.get(long('a')))?.value).toBe('"a"');
    expect((await handler.get(long('b')))?.value).toBe('"b"');
    for (const key of data.keys()) expect(key.length).toBeLessThan(512);
  });
});

it('is an empty cache when neither KV nor the Cache API is there', async () => {
  const handler = createCloudflareCacheHandler({ kv: () => undefined, cacheApi: () => undefined });
  await handler.set('k', entry);
  await handler.invalidateTags(['posts'], 1);
  expect(await handler.get('k')).toBeUndefined();
  expect(await handler.tagsInvalidatedAt(['posts'])).toBe(0);
});
