import { DEFAULT_ROUTING_CONFIG, type BuildManifest } from '@nexxo/runtime';
import { describe, expect, it } from 'vitest';
import { vercelImagesConfig } from './images-config.js';
import { planRouting } from './vercel-routes.js';

function manifest(overrides: Partial<BuildManifest> = {}): BuildManifest {
  return {
    version: 1,
    buildId: 'b',
    client: { entry: '/_nexxo/main.js', entryImports: [] },
    routes: [{ id: '/blog/[slug]', type: 'page', pattern: [{ kind: 'static', value: 'blog' }, { kind: 'dynamic', name: 'slug' }], rendering: 'dynamic', dynamicParams: true, preload: [], runtime: 'nodejs' }],
    staticFiles: ['/robots.txt', '/_nexxo/main.js'],
    styles: {},
    routing: DEFAULT_ROUTING_CONFIG,
    prerendered: { '/': { html: 'index.html', rsc: 'index.rsc', status: 200 }, '/missing': { html: 'missing.html', rsc: 'missing.rsc', status: 404 } },
    ...overrides,
  };
}

describe('planRouting', () => {
  it('serves files under the base path and sends nodejs routes to the Node function', () => {
    const plan = planRouting(manifest({ routing: { ...DEFAULT_ROUTING_CONFIG, basePath: '/docs' } }));
    expect([...plan.staticFiles]).toEqual([
      ['docs/robots.txt', 'static/robots.txt'],
      ['docs/_nexxo/main.js', 'static/_nexxo/main.js'],
      ['docs/index.html', 'prerendered/index.html'],
    ]);
    expect(plan.overrides).toEqual({ 'docs/index.html': { path: 'docs', contentType: 'text/html; charset=utf-8' } });
    expect(plan.routes).toContainEqual({ src: '^\\/docs/blog/[^/]+/?$', has: [{ type: 'query', key: '_rsc' }], dest: '/node' });
    expect(plan.routes).toContainEqual({ src: '^\\/docs/blog/[^/]+/?$', dest: '/node' });
  });

  it('leaves a prerendered 404 to the function, which keeps its status', () => {
    const plan = planRouting(manifest());
    expect(plan.staticFiles.has('missing.html')).toBe(false);
    expect(plan.inlineFiles).toContain('prerendered/missing.html');
  });

  it('leaves a file a redirect may match on the CDN, whose redirect route comes first, and inlines it for the functions', () => {
    const plan = planRouting(manifest({ routing: { ...DEFAULT_ROUTING_CONFIG, redirects: [{ source: '/:file.txt', destination: '/x', permanent: false, has: [{ type: 'cookie', key: 'a' }] }] } }));
    expect(plan.inlineFiles).toContain('static/robots.txt');
    expect(plan.staticFiles.get('robots.txt')).toBe('static/robots.txt');
    const redirectAt = plan.routes.findIndex((route) => 'status' in route && route.status === 307);
    expect(plan.routes[redirectAt]).toEqual({ src: '^(?!\\/_nexxo(?:\\/|$))(?:\\/(?<file>[^\\/]+?))\\.txt(?:\\/)?$', has: [{ type: 'cookie', key: 'a' }], headers: { Location: '/x' }, status: 307 });
    expect(redirectAt).toBeLessThan(plan.routes.findIndex((route) => 'handle' in route));
  });

  it('orders the routes as Next.js routes a request: headers, redirects, middleware, beforeFiles, files, afterFiles, fallback', () => {
    const routes: BuildManifest['routes'] = [
      { id: '/about', type: 'page', pattern: [{ kind: 'static', value: 'about' }], rendering: 'static', dynamicParams: true, preload: [] },
      { id: '/blog/[slug]', type: 'page', pattern: [{ kind: 'static', value: 'blog' }, { kind: 'dynamic', name: 'slug' }], rendering: 'dynamic', dynamicParams: true, preload: [], runtime: 'nodejs' },
    ];
    const routing = {
      ...DEFAULT_ROUTING_CONFIG,
      headers: [{ source: '/(.*)', headers: [{ key: 'X-Frame-Options', value: 'DENY' }] }],
      redirects: [{ source: '/old/:path*', destination: '/new/:path*', permanent: true }],
      rewrites: { beforeFiles: [{ source: '/b/:slug', destination: '/blog/:slug' }], afterFiles: [{ source: '/api/:path*', destination: 'https://api.example.com/:path*' }], fallback: [{ source: '/:path*', destination: 'https://old.example.com/:path*' }] },
    };
    const plan = planRouting(manifest({ routes, routing, middleware: { matcher: '/account/:path*' } }));
    const rsc = [{ type: 'query', key: '_rsc' }];
    expect(plan.routes).toEqual([
      { src: '^/_nexxo/(?!image$).+$', headers: { 'Cache-Control': 'public, max-age=31536000, immutable' }, continue: true },
      { src: '^(?:\\/(?:.*))(?:\\/)?$', headers: { 'X-Frame-Options': 'DENY' }, continue: true },
      { src: '^(?<path>(?!\\/_nexxo(?:\\/|$))(?:\\/[^\\/]+)+)\\/+$', headers: { Location: '$path' }, status: 308 },
      { src: '^(?!\\/_nexxo(?:\\/|$))\\/old(?<pathPart>\\/(?<path>(?:[^\\/]+?)(?:\\/(?:[^\\/]+?))*))?(?:\\/)?$', headers: { Location: '/new$pathPart' }, status: 308 },
      { src: '^/blog/[^/]+/?$', has: rsc, dest: '/node' },
      { src: '^/.*$', has: rsc, dest: '/index' },
      // The middleware runs in the functions: paths it may match go there before any rewrite.
      { src: '(?=^(?!\\/_nexxo(?:\\/|$))\\/account(?<pathPart>\\/(?<path>(?:[^\\/]+?)(?:\\/(?:[^\\/]+?))*))?(?:\\/)?$)^/blog/[^/]+/?$', dest: '/node' },
      { src: '^(?!\\/_nexxo(?:\\/|$))\\/account(?<pathPart>\\/(?<path>(?:[^\\/]+?)(?:\\/(?:[^\\/]+?))*))?(?:\\/)?$', dest: '/index' },
      { src: '^\\/b(?:\\/(?<slug>[^\\/]+?))(?:\\/)?$', dest: '/blog/$slug', continue: true },
      { handle: 'filesystem' },
      // afterFiles rewrites do not apply to paths of static routes; after a rewrite, a path any route serves is final.
      { src: '^/about/?$', dest: '/index' },
      { src: '^\\/api(?<pathPart>\\/(?<path>(?:[^\\/]+?)(?:\\/(?:[^\\/]+?))*))?(?:\\/)?$', dest: 'https://api.example.com$pathPart' },
      { src: '^/blog/[^/]+/?$', dest: '/node' },
      { src: '^/about/?$', dest: '/index' },
      { src: '^(?<pathPart>\\/(?<path>(?:[^\\/]+?)(?:\\/(?:[^\\/]+?))*))?(?:\\/)?$', dest: 'https://old.example.com$pathPart' },
      { src: '^/blog/[^/]+/?$', dest: '/node' },
      { src: '^/.*$', dest: '/index' },
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it('gives a page with revalidate prerender functions instead of a static file, unless middleware may run for it', () => {
    const routes: BuildManifest['routes'] = [{ id: '/news', type: 'page', pattern: [{ kind: 'static', value: 'news' }], rendering: 'static', dynamicParams: true, preload: [] }];
    const prerendered = { '/news': { html: 'news.html', rsc: 'news.rsc', status: 200, revalidate: 60 } };
    const plan = planRouting(manifest({ routes, prerendered }));
    expect(plan.prerenderFunctions).toEqual([{ name: '_nexxo/isr/0', page: { pathname: '/news', routeId: '/news', url: '/news' }, html: 'prerendered/news.html', rsc: 'prerendered/news.rsc', revalidate: 60 }]);
    expect(plan.staticFiles.has('news.html')).toBe(false);
    const isrAt = plan.routes.findIndex((route) => 'dest' in route && route.dest?.startsWith('/_nexxo/isr/'));
    expect(plan.routes[isrAt]).toEqual({ src: '^(?:\\/news)$', has: [{ type: 'query', key: '_rsc' }], dest: '/_nexxo/isr/0.rsc?__nexxo_page=%2Fnews&_rsc=1' });
    expect(plan.routes[isrAt + 1]).toEqual({ src: '^(?:\\/news)$', dest: '/_nexxo/isr/0?__nexxo_page=%2Fnews' });

    const guarded = planRouting(manifest({ routes, prerendered, middleware: { matcher: '/news' } }));
    expect(guarded.prerenderFunctions).toEqual([]);
    expect(guarded.staticFiles.has('news.html')).toBe(false);
    expect(guarded.inlineFiles).toContain('prerendered/news.html');
  });

  it('keeps prerendered HTML in the function when URLs end in a slash', () => {
    const plan = planRouting(manifest({ routing: { ...DEFAULT_ROUTING_CONFIG, trailingSlash: true } }));
    expect(plan.overrides).toEqual({});
    expect(plan.staticFiles.has('index.html')).toBe(false);
  });
});

describe('vercelImagesConfig', () => {
  it('merges the widths and keeps the patterns and headers', () => {
    const config = vercelImagesConfig({ deviceSizes: [640, 1080], imageSizes: [64, 640], formats: ['image/avif'], qualities: [50, 75], minimumCacheTTL: 60, dangerouslyAllowSVG: true, dangerouslyAllowLocalIP: false, contentSecurityPolicy: "default-src 'self'", contentDispositionType: 'inline', remotePatterns: [{ protocol: 'https', hostname: '**.example.com' }], localPatterns: null, maximumRedirects: 3, maximumResponseBody: 1 });
    expect(config).toEqual({ sizes: [64, 640, 1080], domains: [], remotePatterns: [{ protocol: 'https', hostname: '**.example.com' }], qualities: [50, 75], minimumCacheTTL: 60, formats: ['image/avif'], dangerouslyAllowSVG: true, contentSecurityPolicy: "default-src 'self'", contentDispositionType: 'inline' });
  });
});
