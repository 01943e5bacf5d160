import { describe, expect, it } from 'vitest';
import type { ManifestRoute, PatternPart } from './manifest.js';
import { createRouteMatcher, pathnameFor } from './route-matcher.js';

/** Builds a route from an id like `/blog/[slug]`; the pattern is derived from the id. */
function route(id: string): ManifestRoute {
  const pattern: PatternPart[] = id
    .split('/')
    .filter(Boolean)
    .map((segment): PatternPart => {
      if (segment.startsWith('[[...')) return { kind: 'optional-catch-all', name: segment.slice(5, -2) };
      if (segment.startsWith('[...')) return { kind: 'catch-all', name: segment.slice(4, -1) };
      if (segment.startsWith('[')) return { kind: 'dynamic', name: segment.slice(1, -1) };
      return { kind: 'static', value: segment };
    });
  return { id, type: 'page', pattern, rendering: 'dynamic', dynamicParams: true, preload: [] };
}

const parts = (path: string) => path.split('/').filter(Boolean);

describe('createRouteMatcher', () => {
  const routes = ['/', '/docs/intro', '/docs/[[...rest]]', '/docs/[...rest]', '/docs/[page]', '/blog/[slug]', '/shop/[[...filters]]'].map(route);
  // The least specific `/docs` routes come first, so the order must come from the matcher's ranking.
  const match = createRouteMatcher(routes);
  const idFor = (path: string) => match(parts(path))?.route.id ?? null;

  it('matches the root route, whose pattern is empty, for no parts', () => {
    expect(route('/').pattern).toEqual([]);
    expect(match([])).toEqual({ route: routes[0], params: {} });
  });

  it('prefers a static route over a dynamic one', () => {
    expect(idFor('/docs/intro')).toBe('/docs/intro');
  });

  it('prefers a dynamic segment over a catch-all', () => {
    expect(idFor('/docs/setup')).toBe('/docs/[page]');
  });

  it('prefers a catch-all over an optional catch-all', () => {
    expect(idFor('/docs/a/b')).toBe('/docs/[...rest]');
  });

  it('falls back to the optional catch-all when nothing else matches', () => {
    expect(match(parts('/docs'))).toEqual({ route: routes[2], params: {} });
  });

  it('returns the value of a dynamic segment as a string param', () => {
    expect(match(parts('/blog/hello'))).toEqual({ route: routes[5], params: { slug: 'hello' } });
  });

  it('returns the rest of the path as an array for a catch-all', () => {
    expect(match(parts('/docs/a/b/c'))?.params).toEqual({ rest: ['a', 'b', 'c'] });
  });

  it('leaves an optional catch-all param out when no parts are left, and sets it when some are', () => {
    expect(match(parts('/shop'))?.params).toEqual({});
    expect(match(parts('/shop/red/xl'))?.params).toEqual({ filters: ['red', 'xl'] });
  });

  it('returns null when the number of parts does not fit any route', () => {
    expect(match(parts('/blog'))).toBeNull();
    expect(match(parts('/blog/hello/extra'))).toBeNull();
    expect(match(parts('/unknown'))).toBeNull();
  });

  it('keeps a decoded slash inside a dynamic param', () => {
    expect(match(['blog', 'a/b'])?.params).toEqual({ slug: 'a/b' });
  });
});

describe('pathnameFor', () => {
  it('fills dynamic and catch-all params into the pattern', () => {
    expect(pathnameFor(route('/blog/[slug]').pattern, { slug: 'hello' })).toBe('/blog/hello');
    expect(pathnameFor(route('/docs/[...rest]').pattern, { rest: ['a', 'b'] })).toBe('/docs/a/b');
  });

  it('returns / for the root pattern', () => {
    expect(pathnameFor([], {})).toBe('/');
  });

  it('drops an optional catch-all that is absent or empty', () => {
    expect(pathnameFor(route('/shop/[[...filters]]').pattern, {})).toBe('/shop');
    expect(pathnameFor(route('/shop/[[...filters]]').pattern, { filters: [] })).toBe('/shop');
    expect(pathnameFor(route('/shop/[[...filters]]').pattern, { filters: ['red'] })).toBe('/shop/red');
  });

  it('returns null when a required param is missing', () => {
    expect(pathnameFor(route('/blog/[slug]').pattern, {})).toBeNull();
    expect(pathnameFor(route('/docs/[...rest]').pattern, { rest: [] })).toBeNull();
  });
});

describe('encoded paths', () => {
  it('does not let an encoded slash match a two-segment static route', () => {
    expect(createRouteMatcher([route('/a/b')])(['a/b'])).toBeNull();
  });

  it('percent-encodes params and refuses empty, "." and ".." values', () => {
    const pattern = route('/blog/[slug]').pattern;
    expect(pathnameFor(pattern, { slug: 'a/b c' })).toBe('/blog/a%2Fb%20c');
    expect(pathnameFor(pattern, { slug: '' })).toBeNull();
    expect(pathnameFor(pattern, { slug: '..' })).toBeNull();
  });
});
