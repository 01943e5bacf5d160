import { describe, expect, it } from 'vitest';
import { callCacheKey, fetchCacheKey } from './cache-key.js';

const url = 'https://api.example.com/posts?page=1';

// A shared key would serve one user's cached response to another: every input that can change the
// answer must change the key.
describe('fetchCacheKey keeps different requests apart', () => {
  const base = () => fetchCacheKey(url, { headers: { accept: 'application/json' } });

  it.each([
    ['method', () => fetchCacheKey(url, { method: 'POST', headers: { accept: 'application/json' } })],
    ['URL', () => fetchCacheKey('https://api.example.com/users?page=1', { headers: { accept: 'application/json' } })],
    ['search', () => fetchCacheKey('https://api.example.com/posts?page=2', { headers: { accept: 'application/json' } })],
    ['header value', () => fetchCacheKey(url, { headers: { accept: 'text/html' } })],
    ['authorization', () => fetchCacheKey(url, { headers: { accept: 'application/json', authorization: 'Bearer user-b' } })],
    ['cookie', () => fetchCacheKey(url, { headers: { accept: 'application/json', cookie: 'session=b' } })],
    ['body', () => fetchCacheKey(url, { method: 'GET', body: 'x', headers: { accept: 'application/json' } })],
    ['cache mode', () => fetchCacheKey(url, { cache: 'force-cache', headers: { accept: 'application/json' } })],
    ['credentials', () => fetchCacheKey(url, { credentials: 'include', headers: { accept: 'application/json' } })],
  ])('gives a different key for a different %s', async (_, other) => {
    expect(await other()).not.toBe(await base());
  });

  it('never lets two users with different authorization or cookies share a key', async () => {
    const userA = await fetchCacheKey(url, { headers: { authorization: 'Bearer user-a', cookie: 'session=a' } });
    const userB = await fetchCacheKey(url, { headers: { authorization: 'Bearer user-b', cookie: 'session=a' } });
    const userC = await fetchCacheKey(url, { headers: { authorization: 'Bearer user-a', cookie: 'session=c' } });
    const anonymous = await fetchCacheKey(url);
    expect(new Set([userA, userB, userC, anonymous]).size).toBe(4);
  });

  it('gives the same key for the same request with headers in another order or case', async () => {
    const one = await fetchCacheKey(url, { headers: { Accept: 'application/json', 'X-Tenant': 'a', authorization: 'Bearer t' } });
    const two = await fetchCacheKey(url, { headers: [['authorization', 'Bearer t'], ['x-tenant', 'a'], ['accept', 'application/json']] });
    expect(one).toMatch(/^[0-9a-f]{64}$/);
    expect(two).toBe(one);
  });

  it('gives a Request the same key as the equivalent input and init', async () => {
    const bytes = new TextEncoder().encode('hello');
    const request = new Request(url, { method: 'POST', body: bytes, headers: { accept: 'application/json' } });
    expect(await fetchCacheKey(request)).toBe(await fetchCacheKey(url, { method: 'POST', body: bytes, headers: { accept: 'application/json' } }));
    // The key is taken from a clone: the request can still be sent.
    expect(await request.text()).toBe('hello');
  });

  it('tells bodies apart by kind and content', async () => {
    const form = (file: string) => {
      const data = new FormData();
      data.append('name', 'a');
      data.append('upload', new Blob([file], { type: 'text/plain' }), 'f.txt');
      return data;
    };
    const keys = await Promise.all([
      fetchCacheKey(url, { method: 'POST', body: 'a=1' }),
      fetchCacheKey(url, { method: 'POST', body: new URLSearchParams('a=1') }),
      fetchCacheKey(url, { method: 'POST', body: new URLSearchParams('a=2') }),
      fetchCacheKey(url, { method: 'POST', body: form('one') }),
      fetchCacheKey(url, { method: 'POST', body: form('two') }),
      fetchCacheKey(url, { method: 'POST', body: new Uint8Array([1, 2]).buffer }),
      fetchCacheKey(url, { method: 'POST', body: new Blob([new Uint8Array([1, 3])]) }),
    ]);
    expect(new Set(keys).size).toBe(keys.length);
    expect(await fetchCacheKey(url, { method: 'POST', body: form('one') })).toBe(keys[3]);
  });

  it('returns null for a streamed body, which cannot be read without consuming it', async () => {
    const body = new ReadableStream({ start: (controller) => controller.close() });
    expect(await fetchCacheKey(url, { method: 'POST', body, duplex: 'half' } as never)).toBeNull();
  });
});

describe('callCacheKey', () => {
  it('differs by arguments, key parts and function source', async () => {
    const keys = await Promise.all([
      callCacheKey(['posts'], 'fn', [1]),
      callCacheKey(['posts'], 'fn', [2]),
      callCacheKey(['users'], 'fn', [1]),
      callCacheKey(['posts'], 'other fn', [1]),
      callCacheKey(['posts'], 'fn', [{ id: 1 }]),
    ]);
    expect(new Set(keys).size).toBe(keys.length);
    expect(await callCacheKey(['posts'], 'fn', [1])).toBe(keys[0]);
  });

  it.each([
    ['a function', [() => 1], /include a function/],
    ['a symbol', [Symbol('s')], /include a symbol/],
    ['a bigint', [{ id: 1n }], /include a bigint \(at "id"\)/],
    ['a Map', [new Map([[1, 2]])], /include a Map/],
    ['a cycle', [(() => { const o: Record<string, unknown> = {}; o.self = o; return o; })()], /could not be turned into JSON/],
  ])('explains that arguments must be JSON-serializable when one is %s', async (_, args, problem) => {
    await expect(callCacheKey([], 'fn', args)).rejects.toThrow(problem);
    await expect(callCacheKey([], 'fn', args)).rejects.toThrow(/unstable_cache arguments|must be JSON-serializable/);
  });
});
