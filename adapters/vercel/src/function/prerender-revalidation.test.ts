import { describe, expect, it } from 'vitest';
import { createPrerenderRevalidatingCache } from './prerender-revalidation.js';

const pages = [
  { pathname: '/blog/a', routeId: '/blog/[slug]', url: '/docs/blog/a' },
  { pathname: '/about', routeId: '/about', url: '/docs/about' },
];

function setup(origin: string | null = 'https://app.example') {
  const sent: string[] = [];
  const cache = createPrerenderRevalidatingCache({
    pages,
    bypassToken: 'token',
    origin: () => origin,
    fetch: (async (input: string | URL | Request, init?: RequestInit) => {
      const request = new Request(input, init);
      sent.push(`${request.method} ${request.url} ${request.headers.get('x-prerender-revalidate')}`);
      return new Response(null);
    }) as typeof fetch,
  });
  return { cache, sent };
}

describe('createPrerenderRevalidatingCache', () => {
  it('regenerates the pages a path tag names, by pathname or by route id, HTML and RSC', async () => {
    const { cache, sent } = setup();
    await cache.invalidateTags(['path:/blog/[slug]'], 1);
    expect(sent).toEqual(['HEAD https://app.example/docs/blog/a token', 'HEAD https://app.example/docs/blog/a?_rsc=1 token']);
    sent.length = 0;
    await cache.invalidateTags(['layout:/'], 2);
    expect(sent).toHaveLength(4);
  });

  it('regenerates every page for a data tag, since any page may have read that data', async () => {
    const { cache, sent } = setup();
    await cache.invalidateTags(['posts'], 1);
    expect(sent).toHaveLength(4);
    expect(await cache.tagsInvalidatedAt(['posts'])).toBe(1);
  });

  it('sends nothing for other paths, or before the origin is known', async () => {
    const { cache, sent } = setup();
    await cache.invalidateTags(['path:/contact'], 1);
    expect(sent).toEqual([]);
    const early = setup(null);
    await early.cache.invalidateTags(['posts'], 1);
    expect(early.sent).toEqual([]);
  });
});
