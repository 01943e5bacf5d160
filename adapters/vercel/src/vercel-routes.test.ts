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
    expect(plan.routes[0]).toEqual({ src: '^\\/docs/blog/[^/]+/?$', dest: '/node' });
  });

  it('leaves a prerendered 404 to the function, which keeps its status', () => {
    const plan = planRouting(manifest());
    expect(plan.staticFiles.has('missing.html')).toBe(false);
    expect(plan.inlineFiles).toContain('prerendered/missing.html');
  });

  it('sends files a redirect may match to the function, with the file inlined', () => {
    const plan = planRouting(manifest({ routing: { ...DEFAULT_ROUTING_CONFIG, redirects: [{ source: '/:file.txt', destination: '/x', permanent: false, has: [{ type: 'cookie', key: 'a' }] }] } }));
    expect(plan.inlineFiles).toContain('static/robots.txt');
    expect(plan.routes).toContainEqual({ src: '^(?:\\/robots\\.txt)$', dest: '/index' });
  });

  it('gives a page with revalidate prerender functions instead of a static file, unless middleware may run for it', () => {
    const routes: BuildManifest['routes'] = [{ id: '/news', type: 'page', pattern: [{ kind: 'static', value: 'news' }], rendering: 'static', dynamicParams: true, preload: [] }];
    const prerendered = { '/news': { html: 'news.html', rsc: 'news.rsc', status: 200, revalidate: 60 } };
    const plan = planRouting(manifest({ routes, prerendered }));
    expect(plan.prerenderFunctions).toEqual([{ name: '_nexxo/isr/0', page: { pathname: '/news', routeId: '/news', url: '/news' }, html: 'prerendered/news.html', rsc: 'prerendered/news.rsc', revalidate: 60 }]);
    expect(plan.staticFiles.has('news.html')).toBe(false);
    expect(plan.routes[0]).toEqual({ src: '^(?:\\/news)$', has: [{ type: 'query', key: '_rsc' }], dest: '/_nexxo/isr/0.rsc?__nexxo_page=%2Fnews&_rsc=1' });
    expect(plan.routes[1]).toEqual({ src: '^(?:\\/news)$', dest: '/_nexxo/isr/0?__nexxo_page=%2Fnews' });

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
