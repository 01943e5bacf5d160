import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, minimalLayout, writeApp } from '../../../test-utils/fixtures.js';
import { cli } from '../../../test-utils/server.js';
import { loadEdgeFunction, type EdgeFunction } from './edge-function.js';

const config = `export default {
  async redirects() { return [{ source: '/old-about', destination: '/about', permanent: true }]; },
  async rewrites() { return { beforeFiles: [{ source: '/about-us', destination: '/about' }], afterFiles: [], fallback: [] }; },
  async headers() {
    return [
      { source: '/robots.txt', headers: [{ key: 'X-Robots', value: 'checked' }] },
      { source: '/blog/:slug', headers: [{ key: 'X-Post', value: 'post-:slug' }] },
    ];
  },
};
`;

/**
 * The deployment's own origin as the function sees it: Vercel's CDN, which serves \`static/\`.
 * (The function fetches the \`public/\` files it does not carry from there.)
 */
function staticOrigin(output: string): typeof fetch {
  return (async (input: string | URL | Request) => {
    const file = join(output, 'static', decodeURIComponent(new URL(input instanceof Request ? input.url : input).pathname));
    return existsSync(file) ? new Response(readFileSync(file)) : new Response('Not Found', { status: 404 });
  }) as typeof fetch;
}

/** The Node.js function of a Vercel output, served on 127.0.0.1 through Node's (req, res) launcher interface. */
async function serveNodeFunction(output: string): Promise<{ url: string; close: () => void }> {
  const { default: handler } = await import(join(output, 'functions', 'node.func', 'index.mjs'));
  const { createServer } = await import('node:http');
  const server = createServer(handler).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

function build(root: string) {
  return spawnSync(process.execPath, [cli, 'build', root, '--adapter', 'vercel'], { encoding: 'utf8' });
}

describe('nexxo build --adapter vercel on fixtures/app-router', () => {
  let output: string;
  let edge: EdgeFunction;
  let log: string;
  beforeAll(() => {
    const root = copyFixture('app-router');
    writeFileSync(join(root, 'nexxo.config.mjs'), config);
    log = execFileSync(process.execPath, [cli, 'build', root, '--adapter', 'vercel'], { encoding: 'utf8' });
    output = join(root, '.vercel', 'output');
    edge = loadEdgeFunction(join(output, 'functions', 'index.func', 'index.js'), { fetch: staticOrigin(output) });
  });

  it('writes config.json with the config rules as routes, the function fallback after the filesystem, and the images settings', () => {
    const written = JSON.parse(readFileSync(join(output, 'config.json'), 'utf8'));
    expect(written.version).toBe(3);
    expect(written.routes).toEqual([
      { src: '^/_nexxo/(?!image$).+$', headers: { 'Cache-Control': 'public, max-age=31536000, immutable' }, continue: true },
      // Config headers, then the image optimizer, then redirects: Next.js's order.
      { src: '^\\/robots\\.txt(?:\\/)?$', headers: { 'X-Robots': 'checked' }, continue: true },
      { src: '^\\/blog(?:\\/(?<slug>[^\\/]+?))(?:\\/)?$', headers: { 'X-Post': 'post-$slug' }, continue: true },
      { src: '^/_nexxo/image$', dest: '/_vercel/image' },
      // The runtime's trailing-slash redirect comes before config redirects.
      { src: '^(?<path>(?!\\/_nexxo(?:\\/|$))(?:\\/[^\\/]+)+)\\/+$', headers: { Location: '$path' }, status: 308 },
      { src: '^(?!\\/_nexxo(?:\\/|$))\\/old-about(?:\\/)?$', headers: { Location: '/about' }, status: 308 },
      { src: '^/.*$', has: [{ type: 'query', key: '_rsc' }], dest: '/index' },
      // A beforeFiles rewrite: the file system then sees /about, the prerendered page.
      { src: '^\\/about-us(?:\\/)?$', dest: '/about', continue: true },
      { handle: 'filesystem' },
      { src: '^/.*$', dest: '/index' },
    ]);
    expect(written.images).toMatchObject({ sizes: [32, 48, 64, 96, 128, 256, 384, 640, 750, 828, 1080, 1200, 1920, 2048, 3840], formats: ['image/webp'], minimumCacheTTL: 14400, dangerouslyAllowSVG: false, qualities: [75] });
    expect(written.overrides['about.html']).toEqual({ path: 'about', contentType: 'text/html; charset=utf-8' });
    expect(written.overrides['blog/hello.html']).toEqual({ path: 'blog/hello', contentType: 'text/html; charset=utf-8' });
  });

  it('puts hashed assets, public files and prerendered HTML in static/', () => {
    const manifest = JSON.parse(readFileSync(join(output, '..', '..', '.nexxo', 'manifest.json'), 'utf8'));
    for (const file of manifest.staticFiles as string[]) expect(existsSync(join(output, 'static', file)), file).toBe(true);
    expect(readFileSync(join(output, 'static', 'about.html'), 'utf8')).toContain('About Nexxo');
    expect(existsSync(join(output, 'static', 'index.html'))).toBe(true);
    expect(existsSync(join(output, 'static', 'dynamic.html'))).toBe(false);
  });

  it('writes one Edge function and prints its size', () => {
    expect(JSON.parse(readFileSync(join(output, 'functions', 'index.func', '.vc-config.json'), 'utf8'))).toEqual({ runtime: 'edge', entrypoint: 'index.js' });
    expect(existsSync(join(output, 'functions', 'node.func'))).toBe(false);
    expect(log).toMatch(/ƒ index\.func \(edge\)\s+[\d.]+ kB\s+[\d.]+ kB gzip/);
  });

  it('answers a page on the Edge runtime', async () => {
    const response = await edge.fetch('/dynamic');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<html');
  });

  it('serves a prerendered page from the inlined build', async () => {
    const response = await edge.fetch('/about');
    expect(await response.text()).toContain('About Nexxo');
  });

  it('streams a page: the Suspense fallback first, then the content', async () => {
    const response = await edge.fetch('/streaming');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    const chunks: string[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(decoder.decode(value, { stream: true }));
    }
    const fallbackAt = chunks.findIndex((chunk) => chunk.includes('Loading slow content'));
    const contentAt = chunks.findIndex((chunk) => chunk.includes('Slow content arrived'));
    expect(fallbackAt).toBeGreaterThanOrEqual(0);
    expect(contentAt).toBeGreaterThan(fallbackAt);
  });

  it('answers an RSC navigation request with the payload', async () => {
    const response = await edge.fetch('/dynamic?_rsc=abc', { headers: { 'nexxo-tree': '' } });
    expect(response.headers.get('content-type')).toBe('text/x-component');
    const prerendered = await edge.fetch('/about?_rsc=abc');
    expect(prerendered.headers.get('content-type')).toBe('text/x-component');
    expect(await prerendered.text()).toContain('About Nexxo');
  });

  it('runs a route handler (GET and POST)', async () => {
    expect(await (await edge.fetch('/api/hello?name=edge')).json()).toEqual({ hello: 'edge' });
    const posted = await edge.fetch('/api/hello', { method: 'POST', body: JSON.stringify({ value: 21 }), headers: { 'content-type': 'application/json' } });
    expect(posted.status).toBe(201);
    expect(await posted.json()).toEqual({ doubled: 42 });
    expect(posted.headers.get('set-cookie')).toContain('posted=21');
  });

  it('answers 404 for an unknown path', async () => {
    const response = await edge.fetch('/no/such/page');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('<html');
  });

  it('leaves public files to the CDN, which adds config headers itself', () => {
    const manifest = JSON.parse(readFileSync(join(output, '..', '..', '.nexxo', 'manifest.json'), 'utf8'));
    expect(manifest.staticFiles).toContain('/robots.txt');
    // Not inlined into the function (a header rule no longer sends it there).
    expect(readFileSync(join(output, 'functions', 'index.func', 'index.js'), 'utf8')).not.toContain('"static/robots.txt"');
  });

  it('still applies config redirects, rewrites and headers when the function serves a request', async () => {
    const response = await edge.fetch('/old-about?ref=x');
    expect(response.status).toBe(308);
    expect(response.headers.get('location')).toBe('/about?ref=x');
    const rewritten = await edge.fetch('/about-us');
    expect(rewritten.status).toBe(200);
    expect(await rewritten.text()).toContain('About Nexxo');
    const post = await edge.fetch('/blog/hello');
    expect(post.headers.get('x-post')).toBe('post-hello');
    const robots = await edge.fetch('/robots.txt');
    expect(robots.headers.get('x-robots')).toBe('checked');
    expect(await robots.text()).toContain('User-agent');
  });
});

/** Width and height from a PNG's IHDR chunk (the first chunk, right after the signature). */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(new TextDecoder().decode(bytes.subarray(12, 16))).toBe('IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('nexxo/og on the Edge function (fixtures/metadata)', () => {
  let funcDir: string;
  let result: ReturnType<typeof build>;
  beforeAll(() => {
    const root = copyFixture('metadata');
    result = build(root);
    funcDir = join(root, '.vercel', 'output', 'functions', 'index.func');
  });

  it('builds an app whose opengraph-image.tsx uses ImageResponse, all on the Edge runtime', () => {
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(existsSync(join(funcDir, '..', 'node.func'))).toBe(false);
  });

  it("puts @vercel/og's WebAssembly beside index.js, imported as ?module, and nothing else", () => {
    expect(readdirSync(funcDir).sort()).toEqual(['.vc-config.json', 'index.js', 'og-resvg.wasm', 'og-yoga.wasm']);
    const source = readFileSync(join(funcDir, 'index.js'), 'utf8');
    expect(source).toMatch(/import\s*[\w$]+\s*from\s*"\.\/og-yoga\.wasm\?module"/);
    expect(source).toMatch(/import\s*[\w$]+\s*from\s*"\.\/og-resvg\.wasm\?module"/);
    expect(source).not.toContain('Geist-Regular.ttf');
  });

  it('answers the OG image route with a PNG of the declared size', async () => {
    const edge = loadEdgeFunction(join(funcDir, 'index.js'));
    const response = await edge.fetch('/posts/first/opengraph-image');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(pngSize(new Uint8Array(await response.arrayBuffer()))).toEqual({ width: 600, height: 315 });
    // A second image reuses the initialised WebAssembly and the decoded font.
    const again = await edge.fetch('/posts/second/opengraph-image');
    expect(pngSize(new Uint8Array(await again.arrayBuffer()))).toEqual({ width: 600, height: 315 });
  });
});

describe('routes that need Node.js', () => {
  it('runs a route without a runtime export that imports node:fs in the Node.js function, and says so', async () => {
    const root = writeApp({
      'app/layout.tsx': minimalLayout,
      'app/page.tsx': `export default function Page() { return <p>home</p>; }`,
      'app/api/files/route.ts': `import { existsSync } from 'node:fs';\nexport function GET() { return Response.json({ exists: existsSync('/') }); }\n`,
    });
    const result = build(root);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('/api/files runs in the Node.js function: app/api/files/route.ts imports "node:fs", which the Edge runtime does not provide.');
    const output = join(root, '.vercel', 'output');
    const config = JSON.parse(readFileSync(join(output, 'config.json'), 'utf8'));
    expect(config.routes).toContainEqual({ src: '^/api/files/?$', dest: '/node' });
    expect(config.routes).toContainEqual({ src: '^/api/files/?$', has: [{ type: 'query', key: '_rsc' }], dest: '/node' });
    const node = await serveNodeFunction(output);
    try {
      expect(await (await fetch(`${node.url}/api/files`)).json()).toEqual({ exists: true });
    } finally {
      node.close();
    }
  });

  it("fails the build when a route that exports runtime = 'edge' imports node:fs, naming the route, the module and the fix", () => {
    const root = writeApp({
      'app/layout.tsx': minimalLayout,
      'app/page.tsx': `export default function Page() { return <p>home</p>; }`,
      'app/api/files/route.ts': `import { readFileSync } from 'node:fs';\nexport const runtime = 'edge';\nexport function GET() { return new Response(readFileSync(new URL(import.meta.url), 'utf8').length.toString()); }\n`,
    });
    const result = build(root);
    expect(result.status).not.toBe(0);
    const text = result.stdout + result.stderr;
    expect(text).toContain('/api/files: app/api/files/route.ts imports "node:fs", which the Vercel Edge runtime does not provide');
    expect(text).toContain("Fix: remove `export const runtime = 'edge'` from the route (its page or route file, or a layout above it) to run it in a Node.js function, or stop importing \"node:fs\" in app/api/files/route.ts.");
    expect(text).not.toMatch(/^\s+at /m);
  });

  it("leaves nexxo/og out of the Edge function when only runtime = 'nodejs' routes use it", () => {
    const root = writeApp({
      'app/layout.tsx': minimalLayout,
      'app/page.tsx': `export default function Page() { return <p>home</p>; }`,
      'app/api/og/route.tsx': `import { ImageResponse } from 'nexxo/og';\nexport const runtime = 'nodejs';\nexport function GET() { return new ImageResponse(<div style={{ display: 'flex' }}>og</div>, { width: 100, height: 50 }); }\n`,
    });
    const result = build(root);
    expect(result.stderr).toBe('');
    const functions = join(root, '.vercel', 'output', 'functions');
    expect(readdirSync(join(functions, 'index.func')).sort()).toEqual(['.vc-config.json', 'index.js']);
    expect(readdirSync(join(functions, 'node.func'))).toEqual(expect.arrayContaining(['resvg.wasm', 'yoga.wasm', 'Geist-Regular.ttf']));
  });

  it("puts runtime = 'nodejs' routes in a Node.js function", async () => {
    const root = writeApp({
      'app/layout.tsx': minimalLayout,
      'app/page.tsx': `export default function Page() { return <p>home</p>; }`,
      'app/api/files/route.ts': `import { existsSync } from 'node:fs';\nexport const runtime = 'nodejs';\nexport function GET() { return Response.json({ exists: existsSync('/') }); }\n`,
    });
    const result = build(root);
    expect(result.stderr).toBe('');
    const output = join(root, '.vercel', 'output');
    const config = JSON.parse(readFileSync(join(output, 'config.json'), 'utf8'));
    // RSC requests for it before the file system; the rest after it, where the runtime serves a route after files.
    const rscAt = config.routes.findIndex((route: { dest?: string }) => route.dest === '/node');
    expect(config.routes[rscAt]).toEqual({ src: '^/api/files/?$', has: [{ type: 'query', key: '_rsc' }], dest: '/node' });
    expect(rscAt).toBeLessThan(config.routes.findIndex((route: { handle?: string }) => route.handle === 'filesystem'));
    expect(config.routes.at(-2)).toEqual({ src: '^/api/files/?$', dest: '/node' });
    expect(config.routes.at(-1)).toEqual({ src: '^/.*$', dest: '/index' });
    expect(JSON.parse(readFileSync(join(output, 'functions', 'node.func', '.vc-config.json'), 'utf8'))).toEqual({ runtime: 'nodejs20.x', handler: 'index.mjs', launcherType: 'Nodejs', supportsResponseStreaming: true });
    expect(JSON.parse(readFileSync(join(root, '.nexxo', 'manifest.json'), 'utf8')).routes.find((route: { id: string }) => route.id === '/api/files').runtime).toBe('nodejs');
    // The Edge function still loads (the Node-only import is a stub there) and serves the other routes.
    const edge = loadEdgeFunction(join(output, 'functions', 'index.func', 'index.js'));
    expect(await (await edge.fetch('/')).text()).toContain('home');
    // The Node function answers through Node's (req, res) launcher interface.
    const node = await serveNodeFunction(output);
    try {
      const response = await fetch(`${node.url}/api/files`);
      expect(await response.json()).toEqual({ exists: true });
    } finally {
      node.close();
    }
  });
});
