import { describe, expect, it, vi } from 'vitest';
import type { ImageEndpointConfig } from './image-config.js';
import { createImageEndpoint } from './image-endpoint.js';
import type { ImageJob, ImageService } from './image-service.js';
import { imageConfig } from './test-config.js';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const SVG = new TextEncoder().encode('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const files: Record<string, Uint8Array> = {
  '/photo.png': PNG,
  '/_nexxo/media/logo-Ab12Cd34.png': PNG,
  '/robots.txt': new TextEncoder().encode('User-agent: *'),
  '/icon.svg': SVG,
};

/** A service that "encodes" by describing the job, and records what it was asked. */
function fakeService(fetchRemote?: ImageService['fetch']) {
  const jobs: ImageJob[] = [];
  const service: ImageService = {
    async optimize(job) {
      jobs.push(job);
      const source = await job.loadSource();
      const bytes = new TextEncoder().encode(`${job.format ?? source.contentType} ${job.width}w q${job.quality} from ${source.bytes.byteLength} bytes`);
      return { bytes, contentType: source.contentType === 'image/svg+xml' ? source.contentType : (job.format ?? source.contentType), etag: `etag-${jobs.length}`, maxAge: Math.max(job.minimumCacheTTL, source.maxAge) };
    },
    ...(fetchRemote ? { fetch: fetchRemote } : {}),
  };
  return { service, jobs };
}

function endpoint(options: { config?: Partial<ImageEndpointConfig>; service?: ImageService | null; basePath?: string; timeoutMs?: number } = {}) {
  const handle = createImageEndpoint({
    config: imageConfig(options.config),
    basePath: options.basePath ?? '',
    staticFiles: new Set(Object.keys(files)),
    readFile: async (path) => files[path.slice('static'.length)] ?? null,
    service: options.service === null ? undefined : (options.service ?? fakeService().service),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  return (query: string, headers: Record<string, string> = {}, method = 'GET') => handle(new Request(`http://localhost${options.basePath ?? ''}/_nexxo/image?${query}`, { headers, method }));
}

const query = (url: string, w = 640, q = 75) => `url=${encodeURIComponent(url)}&w=${w}&q=${q}`;

describe('the image endpoint', () => {
  it('answers with the optimized image and its caching headers', async () => {
    const { service, jobs } = fakeService();
    const response = await endpoint({ service })(query('/photo.png'), { Accept: 'image/webp,*/*' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('image/webp 640w q75 from 12 bytes');
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'image/webp',
      'cache-control': 'public, max-age=14400, must-revalidate',
      etag: '"etag-1"',
      vary: 'Accept',
      'content-security-policy': "script-src 'none'; frame-src 'none'; sandbox;",
      'content-disposition': 'attachment; filename="photo.webp"',
      'x-content-type-options': 'nosniff',
    });
    expect(jobs[0]).toMatchObject({ width: 640, quality: 75, format: 'image/webp', minimumCacheTTL: 14_400 });
  });

  it('keys a public file by its content, and a hashed import by its name alone', async () => {
    const { service, jobs } = fakeService();
    const get = endpoint({ service });
    await get(query('/photo.png'));
    await get(query('/_nexxo/media/logo-Ab12Cd34.png'));
    const [publicKey, hashedKey] = jobs.map((job) => JSON.parse(job.cacheKey) as unknown[]);
    expect(publicKey).toEqual([1, '/photo.png', expect.stringMatching(/^[0-9a-f]{32}$/), 640, 75, null]);
    expect(hashedKey).toEqual([1, '/_nexxo/media/logo-Ab12Cd34.png', '', 640, 75, null]);
  });

  it('reads a public file once to key it, and not at all when the service has the result', async () => {
    const reads: string[] = [];
    const results = new Map<string, Awaited<ReturnType<ImageService['optimize']>>>();
    const service: ImageService = {
      async optimize(job) {
        const cached = results.get(job.cacheKey);
        if (cached) return cached;
        const source = await job.loadSource();
        const result = { ...source, etag: 'e', maxAge: 60 };
        results.set(job.cacheKey, result);
        return result;
      },
    };
    const handle = createImageEndpoint({ config: imageConfig(), basePath: '', staticFiles: new Set(['/photo.png']), readFile: async (path) => (reads.push(path), PNG), service });
    for (let index = 0; index < 3; index++) expect((await handle(new Request(`http://localhost/_nexxo/image?${query('/photo.png')}`))).status).toBe(200);
    expect(reads).toEqual(['static/photo.png']);
  });

  it('sends a hashed import with an immutable Cache-Control', async () => {
    const response = await endpoint()(query('/_nexxo/media/logo-Ab12Cd34.png'));
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('answers 304 to a matching If-None-Match, also a weak one', async () => {
    const get = endpoint();
    const first = await get(query('/photo.png'));
    const etag = first.headers.get('etag')!;
    const again = await endpoint()(query('/photo.png'), { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
    expect((await endpoint()(query('/photo.png'), { 'If-None-Match': `W/${etag}` })).status).toBe(304);
    expect((await endpoint()(query('/photo.png'), { 'If-None-Match': '"other"' })).status).toBe(200);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await endpoint()(query('/photo.png'), {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await endpoint()(query('/photo.png'), {}, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers 400 with the reason as plain text for a bad request', async () => {
    const response = await endpoint()(query('/photo.png', 641));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toMatch(/^"w" parameter \(width\) of 641 is not allowed/);
  });

  it('serves only files of the build: anything else is 404 and nothing is read', async () => {
    const readFile = vi.fn(async () => PNG);
    const handle = createImageEndpoint({ config: imageConfig(), basePath: '', staticFiles: new Set(['/photo.png']), readFile, service: fakeService().service });
    const response = await handle(new Request(`http://localhost/_nexxo/image?${query('/server/rsc/index.js')}`));
    expect(response.status).toBe(404);
    expect(readFile).not.toHaveBeenCalled();
  });

  it('refuses a file that is not an image, whatever its name', async () => {
    const response = await endpoint()(query('/robots.txt'));
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/^The requested resource isn't a valid image/);
  });

  it('refuses SVG unless dangerouslyAllowSVG, then serves it as it is with the CSP', async () => {
    const refused = await endpoint()(query('/icon.svg'));
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/image type is not allowed/);
    const allowed = await endpoint({ config: { dangerouslyAllowSVG: true, contentDispositionType: 'inline' } })(query('/icon.svg'));
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('content-type')).toBe('image/svg+xml');
    expect(allowed.headers.get('content-security-policy')).toBe("script-src 'none'; frame-src 'none'; sandbox;");
    expect(allowed.headers.get('content-disposition')).toBe('inline; filename="icon.svg"');
  });

  it('refuses a local file larger than maximumResponseBody with 413', async () => {
    const response = await endpoint({ config: { maximumResponseBody: 8 } })(query('/photo.png'));
    expect(response.status).toBe(413);
  });

  it('works under a base path', async () => {
    const response = await endpoint({ basePath: '/docs' })(query('/docs/photo.png'));
    expect(response.status).toBe(200);
  });

  describe('without an image service', () => {
    it('serves a local image unchanged, through the same guards', async () => {
      const get = endpoint({ service: null });
      const response = await get(query('/photo.png'), { Accept: 'image/webp' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG);
      expect((await get(query('/photo.png', 641))).status).toBe(400);
      expect((await get(query('/robots.txt'))).status).toBe(400);
    });

    it('redirects to an allowed remote image instead of fetching it', async () => {
      const get = endpoint({ service: null, config: { remotePatterns: [{ hostname: 'cdn.example.com' }] } });
      const response = await get(query('https://cdn.example.com/a.png'));
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('https://cdn.example.com/a.png');
      expect((await get(query('https://evil.com/a.png'))).status).toBe(400);
    });
  });

  describe('remote sources', () => {
    const remote = { remotePatterns: [{ protocol: 'https' as const, hostname: 'cdn.example.com' }] };
    const respond = (routes: Record<string, () => Response>) => {
      const requested: string[] = [];
      const fetchRemote: ImageService['fetch'] = async (url) => {
        requested.push(url.href);
        return routes[url.href]?.() ?? new Response('missing', { status: 404 });
      };
      return { requested, ...fakeService(fetchRemote) };
    };
    const png = (headers: Record<string, string> = {}) => new Response(PNG, { headers: { 'Content-Type': 'image/png', ...headers } });

    it('fetches an allowed source and caches it as long as it says, at least minimumCacheTTL', async () => {
      const { service, requested } = respond({ 'https://cdn.example.com/a.png': () => png({ 'Cache-Control': 'public, max-age=86400' }) });
      const response = await endpoint({ service, config: remote })(query('https://cdn.example.com/a.png'));
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=86400, must-revalidate');
      expect(requested).toEqual(['https://cdn.example.com/a.png']);
    });

    it('follows a redirect to an allowed URL, and refuses one to another host', async () => {
      const { service } = respond({
        'https://cdn.example.com/old.png': () => new Response(null, { status: 301, headers: { Location: '/new.png' } }),
        'https://cdn.example.com/new.png': () => png(),
        'https://cdn.example.com/away.png': () => new Response(null, { status: 302, headers: { Location: 'http://169.254.169.254/latest' } }),
      });
      const get = endpoint({ service, config: remote });
      expect((await get(query('https://cdn.example.com/old.png'))).status).toBe(200);
      const away = await get(query('https://cdn.example.com/away.png'));
      expect(away.status).toBe(400);
      expect(await away.text()).toMatch(/redirects to http:\/\/169\.254\.169\.254\/latest, which images\.remotePatterns does not allow/);
    });

    it('stops after maximumRedirects redirects', async () => {
      let hops = 0;
      const { service } = respond({ 'https://cdn.example.com/loop.png': () => new Response(null, { status: 307, headers: { Location: `/loop.png?${++hops}` } }) });
      service.fetch = async () => new Response(null, { status: 307, headers: { Location: `/loop.png` } });
      const response = await endpoint({ service, config: { ...remote, maximumRedirects: 2 } })(query('https://cdn.example.com/loop.png'));
      expect(response.status).toBe(508);
    });

    it('refuses a response whose Content-Type is not an image, or whose bytes are not one', async () => {
      const { service } = respond({
        'https://cdn.example.com/page.png': () => new Response('<html></html>', { headers: { 'Content-Type': 'text/html' } }),
        'https://cdn.example.com/fake.png': () => new Response('<html></html>', { headers: { 'Content-Type': 'image/png' } }),
      });
      const get = endpoint({ service, config: remote });
      const page = await get(query('https://cdn.example.com/page.png'));
      expect(page.status).toBe(400);
      expect(await page.text()).toBe("The requested resource isn't a valid image: upstream sent Content-Type text/html.");
      expect((await get(query('https://cdn.example.com/fake.png'))).status).toBe(400);
    });

    it('aborts a body larger than maximumResponseBody while it streams', async () => {
      let pulled = 0;
      const endless = () =>
        new Response(new ReadableStream<Uint8Array>({ pull: (controller) => void (pulled++, controller.enqueue(new Uint8Array(1024))) }), { headers: { 'Content-Type': 'image/png' } });
      const { service } = respond({ 'https://cdn.example.com/huge.png': endless });
      const response = await endpoint({ service, config: { ...remote, maximumResponseBody: 10_000 } })(query('https://cdn.example.com/huge.png'));
      expect(response.status).toBe(413);
      expect(pulled).toBeLessThan(20);
    });

    it('times out a source that does not answer', async () => {
      const service = fakeService((_url, { signal }) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)))).service;
      const response = await endpoint({ service, config: remote, timeoutMs: 50 })(query('https://cdn.example.com/slow.png'));
      expect(response.status).toBe(504);
    });

    it('passes the upstream 404 on', async () => {
      const { service } = respond({});
      expect((await endpoint({ service, config: remote })(query('https://cdn.example.com/none.png'))).status).toBe(404);
    });
  });
});
