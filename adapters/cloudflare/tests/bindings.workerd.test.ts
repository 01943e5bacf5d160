import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalLayout, writeApp } from '../../../test-utils/fixtures.js';
import { cli } from '../../../test-utils/server.js';
import { parseJsonc } from '../src/build/jsonc.js';
import { startWranglerDev, type WranglerDev } from './wrangler-dev.js';

/** An app with its own wrangler.jsonc (a KV namespace, vars) and config redirects and headers. */
describe('bindings, nexxo/og and config routing on Cloudflare Workers (wrangler dev)', () => {
  let root: string;
  let worker: WranglerDev;
  beforeAll(async () => {
    root = writeApp({
      'package.json': JSON.stringify({ name: '@acme/notes-app', private: true, type: 'module' }),
      'wrangler.jsonc': `{
  // The app's own bindings: the build merges them into .nexxo/cloudflare/wrangler.jsonc.
  "kv_namespaces": [{ "binding": "NOTES", "id": "notes-local" }],
  "vars": { "GREETING": "hello from vars" },
  "compatibility_flags": ["nodejs_compat"], /* kept once */
}
`,
      'nexxo.config.ts': `import { defineConfig } from 'nexxo';
export default defineConfig({
  async redirects() { return [{ source: '/old-notes', destination: '/api/notes', permanent: true }]; },
  async headers() { return [{ source: '/api/:path*', headers: [{ key: 'X-Api', value: 'notes' }] }]; },
});
`,
      'app/layout.tsx': minimalLayout,
      'app/page.tsx': `import { getPlatformEnv, isCloudflare } from 'nexxo/cloudflare';
export const dynamic = 'force-dynamic';
export default function Page() {
  const env = getPlatformEnv<{ GREETING: string }>();
  return <main><p id="greeting">{env.GREETING}</p><p id="platform">{String(isCloudflare())}</p></main>;
}
`,
      'app/og/route.tsx': `import { ImageResponse } from 'nexxo/og';
export async function GET() {
  return new ImageResponse(<div style={{ display: 'flex', width: '100%', height: '100%', background: '#0b7285', color: 'white', fontSize: 40 }}>On Workers</div>, { width: 400, height: 200 });
}
`,
      'app/api/notes/route.ts': `import { getCloudflareContext, getPlatformEnv, waitUntil } from 'nexxo/cloudflare';
interface Env { NOTES: { get(key: string): Promise<string | null>; put(key: string, value: string): Promise<void> } }
export async function GET(request: Request) {
  const key = new URL(request.url).searchParams.get('key') ?? 'first';
  return Response.json({ key, value: await getPlatformEnv<Env>().NOTES.get(key), waitUntil: typeof getCloudflareContext().ctx.waitUntil });
}
export async function POST(request: Request) {
  const { key, value } = (await request.json()) as { key: string; value: string };
  const env = getPlatformEnv<Env>();
  await env.NOTES.put(key, value);
  // Runs after the response: the note is readable once it settles.
  waitUntil(env.NOTES.put(key + ':later', value.toUpperCase()));
  return Response.json({ stored: key }, { status: 201 });
}
`,
    });
    execFileSync(process.execPath, [cli, 'build', root, '--adapter', 'cloudflare'], { encoding: 'utf8', timeout: 120_000 });
    worker = await startWranglerDev(join(root, '.nexxo/cloudflare'));
  });
  afterAll(() => worker?.stop());

  const get = (path: string, init?: RequestInit) => fetch(worker.url + path, { redirect: 'manual', ...init });

  it("merges the app's wrangler.jsonc into the generated one", () => {
    const config = parseJsonc(readFileSync(join(root, '.nexxo/cloudflare/wrangler.jsonc'), 'utf8')) as Record<string, any>;
    expect(config).toMatchObject({
      name: 'notes-app',
      main: 'worker.js',
      compatibility_flags: ['nodejs_compat'],
      kv_namespaces: [{ binding: 'NOTES', id: 'notes-local' }],
      vars: { GREETING: 'hello from vars' },
      assets: { directory: 'assets', binding: 'ASSETS', run_worker_first: ['/*', '!/_nexxo/*'] },
    });
  });

  it('gives server components the bindings through nexxo/cloudflare', async () => {
    const html = await (await get('/')).text();
    expect(html).toContain('<p id="greeting">hello from vars</p>');
    expect(html).toContain('<p id="platform">true</p>');
  });

  it('reads and writes a KV namespace from a route handler, with waitUntil', async () => {
    const posted = await get('/api/notes', { method: 'POST', body: JSON.stringify({ key: 'first', value: 'buy milk' }), headers: { 'content-type': 'application/json' } });
    expect(posted.status).toBe(201);
    expect(await (await get('/api/notes?key=first')).json()).toEqual({ key: 'first', value: 'buy milk', waitUntil: 'function' });
    await expect.poll(async () => ((await (await get('/api/notes?key=first:later')).json()) as { value: string | null }).value, { timeout: 5_000 }).toBe('BUY MILK');
  });

  it('renders nexxo/og images with its WebAssembly and font modules', async () => {
    const response = await get('/og');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(1, 4)].map((byte) => String.fromCharCode(byte)).join('')).toBe('PNG');
    // IHDR: width and height as requested.
    const view = new DataView(bytes.buffer);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([400, 200]);
  });

  it('applies config redirects and headers in the Worker', async () => {
    const redirect = await get('/old-notes');
    expect(redirect.status).toBe(308);
    expect(redirect.headers.get('location')).toBe('/api/notes');
    expect((await get('/api/notes')).headers.get('x-api')).toBe('notes');
  });
});

describe('a Node-only module in server code', () => {
  it('fails the build with the route, the module and the fix', () => {
    const root = writeApp({
      'app/layout.tsx': minimalLayout,
      'app/page.tsx': 'export default function Page() { return <p>home</p>; }\n',
      'app/api/run/route.ts': `import { execSync } from 'node:child_process';
export async function GET() { return new Response(execSync('date').toString()); }
`,
    });
    const result = spawnSync(process.execPath, [cli, 'build', root, '--adapter', 'cloudflare'], { encoding: 'utf8', timeout: 120_000 });
    expect(result.status).not.toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).toContain('server code imports Node.js modules that do not run on Workers');
    expect(output).toContain('"child_process": a Worker cannot start processes.');
    expect(output).toContain('Imported by: app/api/run/route.ts (route /api/run)');
    expect(output).toContain('Fix: call a service over fetch() instead, or deploy with the node adapter.');
    expect(output).toContain("allowNodeModules: [\"child_process\"]");
    // A user's mistake: no internal stack trace.
    expect(output).not.toMatch(/\n\s+at /);
  });
});
