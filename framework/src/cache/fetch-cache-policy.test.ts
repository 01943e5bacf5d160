import { describe, expect, it } from 'vitest';
import { fetchCachePolicy } from './fetch-cache-policy.js';

const url = 'https://api.example.com/posts';

describe('fetchCachePolicy with the route segment fetchCache', () => {
  it('leaves fetches as they say under auto', () => {
    expect(fetchCachePolicy(url, undefined, 'auto')).toEqual({ kind: 'uncached' });
    expect(fetchCachePolicy(url, { cache: 'force-cache' }, 'auto')).toEqual({ kind: 'cached', revalidate: false, tags: [] });
  });

  it('changes only fetches that give neither cache nor next.revalidate under default-*', () => {
    expect(fetchCachePolicy(url, undefined, 'default-cache')).toEqual({ kind: 'cached', revalidate: false, tags: [] });
    expect(fetchCachePolicy(url, { cache: 'no-store' }, 'default-cache')).toMatchObject({ kind: 'dynamic' });
    expect(fetchCachePolicy(url, undefined, 'default-no-store')).toMatchObject({ kind: 'dynamic', reason: expect.stringContaining("fetchCache = 'default-no-store'") });
    expect(fetchCachePolicy(url, { next: { revalidate: 60 } }, 'default-no-store')).toEqual({ kind: 'cached', revalidate: 60, tags: [] });
  });

  it('overrides every fetch under force-*', () => {
    expect(fetchCachePolicy(url, { cache: 'no-store' }, 'force-cache')).toEqual({ kind: 'cached', revalidate: false, tags: [] });
    expect(fetchCachePolicy(url, { next: { revalidate: 30, tags: ['posts'] } }, 'force-cache')).toEqual({ kind: 'cached', revalidate: 30, tags: ['posts'] });
    expect(fetchCachePolicy(url, { cache: 'force-cache' }, 'force-no-store')).toMatchObject({ kind: 'dynamic' });
  });

  it('refuses the other kind under only-*, naming the fetch and the setting', () => {
    expect(fetchCachePolicy(url, undefined, 'only-cache')).toEqual({ kind: 'cached', revalidate: false, tags: [] });
    expect(() => fetchCachePolicy(url, { cache: 'no-store' }, 'only-cache')).toThrow(/fetch\(https:\/\/api\.example\.com\/posts\).*fetchCache = 'only-cache'/);
    expect(fetchCachePolicy(url, undefined, 'only-no-store')).toMatchObject({ kind: 'dynamic' });
    expect(() => fetchCachePolicy(url, { next: { revalidate: 60 } }, 'only-no-store')).toThrow(/allows uncached fetches only/);
  });
});
