import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryCacheHandler, type CacheHandler } from '../../../runtime/src/cache/index.js';
import { setCacheClock, setDefaultCacheHandler } from './cache-defaults.js';
import type { CacheScope } from './cache-scope.js';
import type { FetchInput } from './fetch-types.js';
import { cachedFetch, unstableCache } from './data-cache.js';
import { invalidate } from './invalidate.js';
import { pathTags, revalidatePathTags } from '@nexxo/runtime/cache';

let now = 1_000_000;
beforeEach(() => setCacheClock(() => now));
afterEach(() => {
  setCacheClock(undefined);
  setDefaultCacheHandler(undefined);
  vi.restoreAllMocks();
});

/** A fetch that answers `<url> #<call number>` and counts its calls; `hold()` makes later calls wait for `release()`. */
function fakeFetch(status = 200) {
  const calls: Request[] = [];
  let gate: Promise<void> | undefined;
  let open = () => {};
  const impl = (async (input: FetchInput, init?: RequestInit) => {
    const request = new Request(input, init);
    calls.push(request);
    const call = calls.length;
    await gate;
    const response = new Response(`${request.url} #${call}`, { status, headers: { 'x-call': String(call) } });
    return Object.defineProperty(response, 'url', { value: request.url });
  }) as typeof fetch;
  const hold = () => void (gate = new Promise((resolve) => (open = resolve)));
  return { impl, calls, hold, release: () => open() };
}

function scopeWith(handler: CacheHandler, overrides: Partial<CacheScope> = {}) {
  const dynamic: string[] = [];
  const revalidates: number[] = [];
  const background: Promise<unknown>[] = [];
  const scope: CacheScope = {
    handler,
    implicitTags: pathTags('/blog/a', '/blog/[slug]'),
    phase: 'request',
    onDynamic: (reason) => dynamic.push(reason),
    onRevalidate: (seconds) => revalidates.push(seconds),
    waitUntil: (promise) => background.push(promise),
    ...overrides,
  };
  return { scope, dynamic, revalidates, background };
}

const url = 'https://api.example.com/posts';
const text = (response: Response) => response.text();

describe('cachedFetch', () => {
  it('does not cache a fetch that asks for nothing (Next.js 15 default)', async () => {
    const { impl, calls } = fakeFetch();
    const { scope } = scopeWith(createMemoryCacheHandler());
    await cachedFetch(scope, impl, url);
    await cachedFetch(scope, impl, url);
    expect(calls).toHaveLength(2);
  });

  it('serves a fresh hit without calling fetch, as a new Response each time', async () => {
    const { impl, calls } = fakeFetch();
    const { scope, revalidates } = scopeWith(createMemoryCacheHandler());
    const first = await cachedFetch(scope, impl, url, { next: { revalidate: 60 } });
    now += 59_000;
    const second = await cachedFetch(scope, impl, url, { next: { revalidate: 60 } });
    expect(calls).toHaveLength(1);
    expect(await text(first)).toBe(`${url} #1`);
    expect(await text(second)).toBe(`${url} #1`);
    expect(second.headers.get('x-call')).toBe('1');
    expect(second.status).toBe(200);
    expect(second.url).toBe(url);
    expect(revalidates).toEqual([60, 60]);
  });

  it('serves the stale value after revalidate seconds, refreshes once in the background, then serves the new value', async () => {
    const { impl, calls, hold, release } = fakeFetch();
    const { scope, background } = scopeWith(createMemoryCacheHandler());
    await cachedFetch(scope, impl, url, { next: { revalidate: 60 } });
    now += 61_000;
    hold(); // the refresh stays in flight while the stale reads run
    const stale = await Promise.all([1, 2, 3].map(() => cachedFetch(scope, impl, url, { next: { revalidate: 60 } }).then(text)));
    expect(stale).toEqual([`${url} #1`, `${url} #1`, `${url} #1`]);
    expect(background).toHaveLength(1); // concurrent stale reads share one refresh
    release();
    await Promise.all(background);
    expect(calls).toHaveLength(2);
    expect(await text(await cachedFetch(scope, impl, url, { next: { revalidate: 60 } }))).toBe(`${url} #2`);
    expect(calls).toHaveLength(2);
  });

  it('keeps the stale value and logs when a background refresh fails', async () => {
    const handler = createMemoryCacheHandler();
    const { impl } = fakeFetch();
    const { scope, background } = scopeWith(handler);
    await cachedFetch(scope, impl, url, { next: { revalidate: 1 } });
    now += 2_000;
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const failing = (async () => {
      throw new Error('network down');
    }) as typeof fetch;
    expect(await text(await cachedFetch(scope, failing, url, { next: { revalidate: 1 } }))).toBe(`${url} #1`);
    await Promise.all(background);
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/^\[nexxo\] Refreshing fetch\(https:\/\/api\.example\.com\/posts\) in the background failed/), expect.any(Error));
    expect(await text(await cachedFetch(scope, failing, url, { next: { revalidate: 1 } }))).toBe(`${url} #1`);
  });

  it('waits for fresh data instead of serving a stale value while prerendering', async () => {
    const { impl, calls } = fakeFetch();
    const handler = createMemoryCacheHandler();
    await cachedFetch(scopeWith(handler).scope, impl, url, { next: { revalidate: 60 } });
    now += 61_000;
    const { scope } = scopeWith(handler, { phase: 'prerender' });
    expect(await text(await cachedFetch(scope, impl, url, { next: { revalidate: 60 } }))).toBe(`${url} #2`);
    expect(calls).toHaveLength(2);
  });

  it('misses after one of its tags is invalidated, explicit or implicit', async () => {
    const { impl, calls } = fakeFetch();
    const handler = createMemoryCacheHandler();
    const { scope } = scopeWith(handler);
    const read = () => cachedFetch(scope, impl, url, { next: { tags: ['posts'] } }).then(text);
    expect(await read()).toBe(`${url} #1`);
    now += 1;
    await invalidate(handler, ['posts'], now);
    now += 1;
    expect(await read()).toBe(`${url} #2`);
    now += 1;
    await invalidate(handler, revalidatePathTags('/blog', 'layout'), now);
    now += 1;
    expect(await read()).toBe(`${url} #3`);
    expect(await read()).toBe(`${url} #3`);
    expect(calls).toHaveLength(3);
  });

  it('caches with force-cache until invalidated, however long ago it was stored', async () => {
    const { impl, calls } = fakeFetch();
    const { scope, revalidates } = scopeWith(createMemoryCacheHandler());
    await cachedFetch(scope, impl, url, { cache: 'force-cache' });
    now += 365 * 24 * 3600 * 1000;
    await cachedFetch(scope, impl, url, { cache: 'force-cache' });
    expect(calls).toHaveLength(1);
    expect(revalidates).toEqual([]);
  });

  it('calls onDynamic for no-store and revalidate: 0, and does not cache them', async () => {
    const { impl, calls } = fakeFetch();
    const { scope, dynamic } = scopeWith(createMemoryCacheHandler());
    await cachedFetch(scope, impl, url, { cache: 'no-store' });
    await cachedFetch(scope, impl, url, { next: { revalidate: 0 } });
    await cachedFetch(scope, impl, url, { next: { revalidate: 0 } });
    expect(calls).toHaveLength(3);
    expect(dynamic).toEqual([`fetch(${url}) with cache: 'no-store'`, `fetch(${url}) with next.revalidate: 0`, `fetch(${url}) with next.revalidate: 0`]);
  });

  it('lets the DynamicUsageError that onDynamic throws while prerendering stop the fetch', async () => {
    const { impl, calls } = fakeFetch();
    const { scope } = scopeWith(createMemoryCacheHandler(), {
      phase: 'prerender',
      onDynamic: (reason) => {
        throw new Error(`dynamic: ${reason}`);
      },
    });
    await expect(cachedFetch(scope, impl, url, { cache: 'no-store' })).rejects.toThrow(/dynamic: fetch/);
    expect(calls).toHaveLength(0);
  });

  it('warns once and does not cache when no-store conflicts with a revalidate period', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { impl, calls } = fakeFetch();
    const { scope, dynamic } = scopeWith(createMemoryCacheHandler());
    await cachedFetch(scope, impl, url, { cache: 'no-store', next: { revalidate: 60 } });
    await cachedFetch(scope, impl, url, { cache: 'no-store', next: { revalidate: 60 } });
    expect(calls).toHaveLength(2);
    expect(dynamic).toHaveLength(2);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/both cache: 'no-store' and next\.revalidate: 60/);
  });

  it('keeps entries of requests with different headers or authorization apart', async () => {
    const { impl, calls } = fakeFetch();
    const { scope } = scopeWith(createMemoryCacheHandler());
    const as = (authorization: string) => cachedFetch(scope, impl, url, { headers: { authorization }, next: { revalidate: 60 } }).then(text);
    expect(await as('Bearer alice')).toBe(`${url} #1`);
    expect(await as('Bearer bob')).toBe(`${url} #2`);
    expect(await as('Bearer alice')).toBe(`${url} #1`);
    await cachedFetch(scope, impl, url, { headers: { 'accept-language': 'fr' }, next: { revalidate: 60 } });
    expect(calls).toHaveLength(3);
  });

  it('does not store a non-2xx response', async () => {
    const { impl, calls } = fakeFetch(500);
    const { scope } = scopeWith(createMemoryCacheHandler());
    const first = await cachedFetch(scope, impl, url, { next: { revalidate: 60 } });
    expect(first.status).toBe(500);
    await cachedFetch(scope, impl, url, { next: { revalidate: 60 } });
    expect(calls).toHaveLength(2);
  });

  it('shares one fetch between concurrent misses of the same key', async () => {
    const { impl, calls } = fakeFetch();
    const { scope } = scopeWith(createMemoryCacheHandler());
    const bodies = await Promise.all(Array.from({ length: 5 }, () => cachedFetch(scope, impl, url, { next: { revalidate: 60 } }).then(text)));
    expect(new Set(bodies)).toEqual(new Set([`${url} #1`]));
    expect(calls).toHaveLength(1);
  });

  it('uses the default handler outside a request, and plain fetch without one', async () => {
    const { impl, calls } = fakeFetch();
    await cachedFetch(undefined, impl, url, { next: { revalidate: 60 } });
    await cachedFetch(undefined, impl, url, { next: { revalidate: 60 } });
    expect(calls).toHaveLength(2);
    setDefaultCacheHandler(createMemoryCacheHandler());
    await cachedFetch(undefined, impl, url, { next: { revalidate: 60 } });
    await cachedFetch(undefined, impl, url, { next: { revalidate: 60 } });
    expect(calls).toHaveLength(3);
  });

  it('does not pass next or cache on to the platform fetch', async () => {
    let seen: RequestInit | undefined;
    const impl = (async (_: FetchInput, init?: RequestInit) => {
      seen = init;
      return new Response('ok');
    }) as typeof fetch;
    await cachedFetch(scopeWith(createMemoryCacheHandler()).scope, impl, url, { cache: 'force-cache', next: { tags: ['a'] }, headers: { a: 'b' } });
    expect(seen).toEqual({ headers: { a: 'b' } });
  });

  it.each([
    [{ revalidate: -1 }, /Invalid fetch option next\.revalidate: -1\. It must be false/],
    [{ revalidate: '60' }, /Invalid fetch option next\.revalidate: "60"/],
    [{ revalidate: Number.NaN }, /next\.revalidate: NaN/],
    [{ tags: 'posts' }, /Invalid fetch option next\.tags: "posts"\. It must be an array of strings/],
    [{ tags: ['ok', 3] }, /Invalid fetch option next\.tags\[1\]: 3\. Every tag must be a string/],
    [{ tags: Array.from({ length: 129 }, (_, index) => `t${index}`) }, /At most 128 tags/],
    [{ tags: ['x'.repeat(257)] }, /at most 256 characters/],
  ])('rejects invalid options %j with the option and the fix', async (next, message) => {
    const { impl } = fakeFetch();
    await expect(cachedFetch(scopeWith(createMemoryCacheHandler()).scope, impl, url, { next: next as never })).rejects.toThrow(message);
  });
});

describe('unstableCache', () => {
  it('caches per arguments and key parts', async () => {
    const { scope } = scopeWith(createMemoryCacheHandler());
    let calls = 0;
    const load = async (id: number) => ({ id, call: ++calls });
    const posts = unstableCache(load, ['posts'], undefined, () => scope);
    const users = unstableCache(load, ['users'], undefined, () => scope);
    expect(await posts(1)).toEqual({ id: 1, call: 1 });
    expect(await posts(1)).toEqual({ id: 1, call: 1 });
    expect(await posts(2)).toEqual({ id: 2, call: 2 });
    expect(await users(1)).toEqual({ id: 1, call: 3 });
    expect(calls).toBe(3);
  });

  it('returns JSON copies, and keeps an undefined result', async () => {
    const { scope } = scopeWith(createMemoryCacheHandler());
    const when = unstableCache(async () => ({ at: new Date(0) }), ['when'], undefined, () => scope);
    expect(await when()).toEqual({ at: '1970-01-01T00:00:00.000Z' });
    const nothing = unstableCache(async () => undefined, ['nothing'], undefined, () => scope);
    expect(await nothing()).toBeUndefined();
    expect(await nothing()).toBeUndefined();
  });

  it('follows the same stale and invalidation rules, with revalidate false by default', async () => {
    const handler = createMemoryCacheHandler();
    const { scope, background } = scopeWith(handler);
    let calls = 0;
    const forever = unstableCache(async () => ++calls, ['forever'], { tags: ['t'] }, () => scope);
    expect(await forever()).toBe(1);
    now += 365 * 24 * 3600 * 1000;
    expect(await forever()).toBe(1);
    await invalidate(handler, ['t'], now);
    now += 1;
    expect(await forever()).toBe(2);

    const timed = unstableCache(async () => ++calls, ['timed'], { revalidate: 10 }, () => scope);
    expect(await timed()).toBe(3);
    now += 11_000;
    expect(await timed()).toBe(3);
    await Promise.all(background);
    expect(await timed()).toBe(4);
  });

  it('rejects revalidate: 0 and explains unserializable arguments', async () => {
    expect(() => unstableCache(async () => 1, [], { revalidate: 0 })).toThrow(/unstable_cache option revalidate: 0/);
    const { scope } = scopeWith(createMemoryCacheHandler());
    const cached = unstableCache(async (_: unknown) => 1, ['k'], undefined, () => scope);
    await expect(cached(() => 1)).rejects.toThrow(/must be JSON-serializable/);
  });

  it('just runs the function when there is no handler at all', async () => {
    let calls = 0;
    const plain = unstableCache(async () => ++calls, ['k']);
    await plain();
    await plain();
    expect(calls).toBe(2);
  });
});
