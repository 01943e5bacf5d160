import { DEFAULT_ROUTING_CONFIG, compileRoutingRules, matchHeaders, matchRedirect, matchRewrite, type RoutingConfig } from '@nexxo/runtime';
import { describe, expect, it } from 'vitest';
import { configRoutes, trailingSlashRoute, type RouteMatch } from './config-routes.js';
import { sourceRegex } from './rule-source.js';
import type { VercelRoute } from './vercel-routes.js';

type SourceRoute = Extract<VercelRoute, { src: string }>;

function translate(overrides: Partial<RoutingConfig>) {
  const routing = { ...DEFAULT_ROUTING_CONFIG, ...overrides };
  const rules = compileRoutingRules(routing);
  const toFunction = (match: RouteMatch): VercelRoute[] => [{ ...match, dest: '/index' }];
  return { rules, routes: configRoutes(routing, rules, { toFunction, assets: `${routing.basePath}/_nexxo` }) };
}

/** What Vercel does with a route for a path: match `src` (case-insensitively) and fill `$name` / `$1` in. */
function apply(route: VercelRoute, path: string, value: string): string | null {
  const match = new RegExp((route as SourceRoute).src, 'i').exec(path);
  if (!match) return null;
  return value.replace(/\$([1-9a-zA-Z]+)/g, (_, name: string) => (/^\d+$/.test(name) ? match[Number(name)] : match.groups?.[name]) ?? '');
}

const request = (pathname: string) => ({ pathname, search: '', headers: new Headers(), host: 'example.com' });

describe('sourceRegex', () => {
  const sources = ['/blog/:slug', '/docs/:path*', '/a/:path+', '/(.*)', '/post/:id(\\d+)', '/:file.txt', '/docs/:v?', '/:lang(en|fr)/:rest*', '/shop/:a-:b', '/'];
  const paths = ['/', '/blog', '/blog/hello', '/blog/hello/', '/BLOG/Hello', '/blog/a/b', '/docs', '/docs/', '/docs/a', '/docs/a/b/c', '/a', '/a/x', '/a/x/y', '/post/12', '/post/x', '/robots.txt', '/en', '/fr/x/y', '/de/x', '/shop/x-y', '/_nexxo/main.js'];

  for (const basePath of ['', '/base']) {
    it(`matches exactly the paths the runtime matches${basePath ? ', under a base path' : ''}`, () => {
      const routing = { ...DEFAULT_ROUTING_CONFIG, basePath, redirects: sources.map((source) => ({ source, destination: '/x', permanent: true })) };
      const rules = compileRoutingRules(routing);
      sources.forEach((source, index) => {
        const { src } = sourceRegex(source, { basePath, exclude: `${basePath}/_nexxo` });
        for (const path of paths.map((path) => basePath + (path === '/' && basePath ? '' : path))) {
          expect(new RegExp(src, 'i').test(path), `${source} ~ ${path}`).toBe(rules.redirects[index]!.matchPath(path) !== null);
        }
      });
    });
  }

  it('names the groups of named params, and leaves unnamed groups uncaptured', () => {
    expect(sourceRegex('/blog/:slug', { basePath: '' }).src).toBe('^\\/blog(?:\\/(?<slug>[^\\/]+?))(?:\\/)?$');
    expect(sourceRegex('/(.*)', { basePath: '' }).src).toBe('^(?:\\/(?:.*))(?:\\/)?$');
    const { src, params } = sourceRegex('/docs/:path*', { basePath: '' });
    expect(new RegExp(src).exec('/docs/a/b')!.groups).toEqual({ pathPart: '/a/b', path: 'a/b' });
    expect(params.get('path')).toEqual({ group: 'path', withPrefix: 'pathPart', modifier: '*', prefix: '/', suffix: '' });
  });

  it('gives a param whose name Vercel would not substitute a name of its own', () => {
    const { src, params } = sourceRegex('/:my_id/:2nd', { basePath: '' });
    expect(params.get('my_id')!.group).toBe('myid');
    expect(params.get('2nd')!.group).toBe('p');
    expect(new RegExp(src).exec('/a/b')!.groups).toEqual({ myid: 'a', p: 'b' });
  });

  it('puts the base path in front unless the rule says basePath: false, and keeps redirects off build assets', () => {
    expect(sourceRegex('/', { basePath: '/docs' }).src).toBe('^\\/docs(?:\\/)?$');
    expect(sourceRegex('/a', { basePath: '/docs', matchBasePath: false }).src).toBe('^\\/a(?:\\/)?$');
    expect(sourceRegex('/:path*', { basePath: '', exclude: '/_nexxo' }).src).toMatch(/^\^\(\?!\\\/_nexxo\(\?:\\\/\|\$\)\)/);
  });
});

describe('configRoutes', () => {
  it('writes redirects as status routes with a Location the runtime would send', () => {
    const redirects = [
      { source: '/old/:slug', destination: '/news/:slug', permanent: true },
      { source: '/docs/:path*', destination: '/guide/:path*', permanent: false },
      { source: '/v/:id(\\d+)', destination: 'https://example.com/items/:id#top', statusCode: 301 },
      { source: '/gone/(.*)', destination: '/', permanent: true },
    ];
    const { rules, routes } = translate({ redirects });
    expect(routes.redirects[0]).toEqual({ src: '^(?!\\/_nexxo(?:\\/|$))\\/old(?:\\/(?<slug>[^\\/]+?))(?:\\/)?$', headers: { Location: '/news/$slug' }, status: 308 });
    expect(routes.kept).toEqual([]);
    for (const path of ['/old/hello', '/old/hello/', '/docs', '/docs/', '/docs/a', '/docs/a/b', '/v/12', '/v/x', '/gone/a/b', '/other']) {
      const expected = matchRedirect(rules, request(path));
      const route = routes.redirects.find((candidate) => new RegExp((candidate as SourceRoute).src, 'i').test(path)) as SourceRoute | undefined;
      expect(route && { location: apply(route, path, route.headers!.Location!), status: route.status }, path).toEqual(expected ?? undefined);
    }
  });

  it('writes headers as continue routes with params filled in', () => {
    const { rules, routes } = translate({ headers: [{ source: '/u/:id', headers: [{ key: 'X-User', value: 'user-:id' }, { key: 'x-frame-options', value: 'DENY' }, { key: 'X-Frame-Options', value: 'SAMEORIGIN' }] }] });
    const route = routes.headers[0] as SourceRoute;
    expect(route).toEqual({ src: '^\\/u(?:\\/(?<id>[^\\/]+?))(?:\\/)?$', headers: { 'X-User': 'user-$id', 'X-Frame-Options': 'SAMEORIGIN' }, continue: true });
    const filled = Object.fromEntries(Object.entries(route.headers!).map(([key, value]) => [key.toLowerCase(), apply(route, '/u/42', value)]));
    expect(filled).toEqual(Object.fromEntries(matchHeaders(rules, request('/u/42')).map(({ key, value }) => [key.toLowerCase(), value])));
  });

  it('maps has and missing to Vercel conditions, header names in lower case', () => {
    const has = [{ type: 'header' as const, key: 'X-Version', value: '2|3' }, { type: 'cookie' as const, key: 'session' }, { type: 'host' as const, value: 'docs\\.example\\.com' }];
    const missing = [{ type: 'query' as const, key: 'preview', value: 'yes' }];
    const { routes } = translate({ redirects: [{ source: '/a', destination: '/b', permanent: false, has, missing }] });
    expect(routes.redirects[0]).toMatchObject({
      has: [{ type: 'header', key: 'x-version', value: '2|3' }, { type: 'cookie', key: 'session' }, { type: 'host', value: 'docs\\.example\\.com' }],
      missing: [{ type: 'query', key: 'preview', value: 'yes' }],
    });
  });

  it('puts the base path in sources and local destinations, and not in a basePath: false source', () => {
    const { routes } = translate({
      basePath: '/docs',
      redirects: [{ source: '/old/:slug', destination: '/new/:slug', permanent: true }, { source: '/', destination: '/intro', permanent: true }, { source: '/outside', destination: 'https://example.com/', permanent: true, basePath: false }],
      rewrites: { beforeFiles: [{ source: '/b/:slug', destination: '/blog/:slug' }], afterFiles: [], fallback: [] },
    });
    const [old, root, outside] = routes.redirects as SourceRoute[];
    expect(apply(old!, '/docs/old/a', old!.headers!.Location!)).toBe('/docs/new/a');
    expect(apply(old!, '/old/a', '')).toBeNull();
    expect(apply(root!, '/docs', root!.headers!.Location!)).toBe('/docs/intro');
    expect(apply(outside!, '/outside', outside!.headers!.Location!)).toBe('https://example.com/');
    expect(routes.beforeFiles).toEqual([{ src: '^\\/docs\\/b(?:\\/(?<slug>[^\\/]+?))(?:\\/)?$', dest: '/docs/blog/$slug', continue: true }]);
  });

  it('writes rewrites by phase: beforeFiles continue, afterFiles and fallback check, external ones proxied', () => {
    const rewrites = {
      beforeFiles: [{ source: '/a/:x', destination: '/b/:x' }],
      afterFiles: [{ source: '/api/:path*', destination: 'https://api.example.com/:path*' }],
      fallback: [{ source: '/:path*', destination: '/legacy/:path*' }],
    };
    const { rules, routes } = translate({ rewrites });
    expect(routes.beforeFiles[0]).toMatchObject({ dest: '/b/$x', continue: true });
    expect(routes.afterFiles[0]).toEqual([{ src: expect.any(String), dest: 'https://api.example.com$pathPart' }]);
    expect(routes.fallback[0]).toEqual([{ src: expect.any(String), dest: '/legacy$pathPart', check: true }]);
    for (const path of ['/api', '/api/users/1']) {
      const expected = matchRewrite(rules, 'afterFiles', request(path)) as { url: string };
      const route = routes.afterFiles[0]![0]! as SourceRoute;
      expect(apply(route, path, route.dest!)).toBe(expected.url);
    }
    const fallback = routes.fallback[0]![0]! as SourceRoute;
    expect(apply(fallback, '/x/y', fallback.dest!)).toBe((matchRewrite(rules, 'fallback', request('/x/y')) as { pathname: string }).pathname);
  });

  it('leaves a rule Vercel cannot express to the functions, with a route to them at its place and the reason', () => {
    const { routes } = translate({
      redirects: [
        { source: '/u', destination: '/users/:id', permanent: false, has: [{ type: 'query', key: 'id', value: '(?<id>\\d+)' }] },
        { source: '/q', destination: '/search?from=q', permanent: false },
      ],
      headers: [{ source: '/login', headers: [{ key: 'Set-Cookie', value: 'seen=1' }] }],
      rewrites: { beforeFiles: [], afterFiles: [{ source: '/p/:slug', destination: 'https://example.com/p' }], fallback: [] },
    });
    expect(routes.redirects[0]).toEqual({ src: '^(?!\\/_nexxo(?:\\/|$))\\/u(?:\\/)?$', has: [{ type: 'query', key: 'id', value: '(?<id>\\d+)' }], dest: '/index' });
    expect(routes.redirects[1]).toEqual({ src: '^(?!\\/_nexxo(?:\\/|$))\\/q(?:\\/)?$', dest: '/index' });
    expect(routes.headers[0]).toEqual({ src: '^(?!\\/_nexxo(?:\\/|$))\\/login(?:\\/)?$', dest: '/index' });
    expect(routes.keptHeaders).toEqual(new Set([0]));
    expect(routes.afterFiles[0]).toEqual([{ src: '^(?!\\/_nexxo(?:\\/|$))\\/p(?:\\/(?<slug>[^\\/]+?))(?:\\/)?$', dest: '/index' }]);
    expect(routes.kept).toEqual([
      'headers[0] is applied by the functions only: it sets Set-Cookie, and a Vercel route sets a header once, replacing other cookies.',
      'redirects[0] is applied by the functions only: it uses :id of a has condition, which Vercel fills in its own way.',
      "redirects[1] is applied by the functions only: its destination has a query, which Vercel merges with the request's query in its own way.",
      'rewrites.afterFiles[0] is applied by the functions only: its external destination would get params in its query.',
    ]);
  });
});

describe('trailingSlashRoute', () => {
  const location = (route: VercelRoute, path: string) => apply(route, path, (route as SourceRoute).headers!.Location!);

  it('strips a trailing slash as the runtime does, before any rule', () => {
    const route = trailingSlashRoute('', false);
    expect(route).toMatchObject({ status: 308 });
    expect(location(route, '/about/')).toBe('/about');
    expect(location(route, '/blog/a//')).toBe('/blog/a');
    for (const path of ['/', '/about', '/_nexxo/main.js/', '//evil.com/', '/a//b/']) expect(location(route, path), path).toBeNull();
  });

  it('adds one under the base path, except after a file name', () => {
    const route = trailingSlashRoute('/docs', true);
    expect(location(route, '/docs/about')).toBe('/docs/about/');
    expect(location(route, '/docs/v1.2/notes')).toBe('/docs/v1.2/notes/');
    for (const path of ['/docs', '/docs/', '/docs/about/', '/docs/robots.txt', '/docs/.well', '/about', '/docs/_nexxo/image']) expect(location(route, path), path).toBeNull();
  });
});
