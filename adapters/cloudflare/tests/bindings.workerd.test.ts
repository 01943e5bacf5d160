import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalLayout, writeApp } from '../../../test-utils/fixtures.js';
import { cli } from '../../../test-utils/server.js';
import { parseJsonc } from '../src/build/jsonc.js';
import { startWranglerDev, type WranglerDev } from './wrangler-dev.js';

/** What the test app's route handlers and pages use of R2 and D1 (a subset of @cloudflare/workers-types). */
const storageTypes = `export interface R2Object { key: string; size: number; httpEtag: string; uploaded: Date; httpMetadata?: { contentType?: string }; customMetadata?: Record<string, string> }
export interface R2ObjectBody extends R2Object { body: ReadableStream; text(): Promise<string> }
export interface R2Bucket {
  put(key: string, value: ArrayBuffer | string, options?: { httpMetadata?: { contentType?: string }; customMetadata?: Record<string, string> }): Promise<R2Object>;
  get(key: string): Promise<R2ObjectBody | null>;
  delete(key: string): Promise<void>;
  list(options?: { prefix?: string }): Promise<{ objects: R2Object[] }>;
}
export interface D1Result<Row = Record<string, unknown>> { results: Row[]; success: boolean; meta: { changes: number; last_row_id: number } }
export interface D1PreparedStatement {
  bind(...values: unknown[]): D1PreparedStatement;
  run(): Promise<D1Result>;
  all<Row>(): Promise<D1Result<Row>>;
  first<Row>(): Promise<Row | null>;
}
export interface D1Database { prepare(sql: string): D1PreparedStatement; batch(statements: D1PreparedStatement[]): Promise<D1Result[]> }
export interface Env { FILES: R2Bucket; DB: D1Database }
`;

/** An app with its own wrangler.jsonc (KV, R2, D1, vars) and config redirects and headers. */
describe('bindings, nexxo/og and config routing on Cloudflare Workers (wrangler dev)', () => {
  let root: string;
  let worker: WranglerDev;
  beforeAll(async () => {
    root = writeApp({
      'package.json': JSON.stringify({ name: '@acme/notes-app', private: true, type: 'module' }),
      'wrangler.jsonc': `{
  // The app's own bindings: the build merges them into .nexxo/cloudflare/wrangler.jsonc.
  "kv_namespaces": [{ "binding": "NOTES", "id": "notes-local" }],
  "r2_buckets": [{ "binding": "FILES", "bucket_name": "notes-files" }],
  "d1_databases": [{ "binding": "DB", "database_name": "notes-db", "database_id": "6f0c3c0e-0000-4000-8000-000000000001" }],
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
      'app/_storage/types.ts': storageTypes,
      'app/_storage/notes-db.ts': `import { getPlatformEnv } from 'nexxo/cloudflare';
import type { D1Database, Env } from './types';
/** The notes table, created on first use (a real app runs \`wrangler d1 migrations apply\`). */
export async function notesDb(): Promise<D1Database> {
  const { DB } = getPlatformEnv<Env>();
  await DB.prepare('CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL)').run();
  return DB;
}
`,
      'app/api/files/[name]/route.ts': `import { getPlatformEnv } from 'nexxo/cloudflare';
import type { Env } from '../../../_storage/types';
type Context = { params: Promise<{ name: string }> };
export async function PUT(request: Request, { params }: Context) {
  const { name } = await params;
  const object = await getPlatformEnv<Env>().FILES.put(name, await request.arrayBuffer(), {
    httpMetadata: { contentType: request.headers.get('content-type') ?? 'application/octet-stream' },
    customMetadata: { uploadedBy: 'route-handler' },
  });
  return Response.json({ key: object.key, size: object.size }, { status: 201 });
}
export async function GET(_request: Request, { params }: Context) {
  const object = await getPlatformEnv<Env>().FILES.get((await params).name);
  if (!object) return new Response('no such file', { status: 404 });
  return new Response(object.body, { headers: { 'content-type': object.httpMetadata?.contentType ?? 'application/octet-stream', etag: object.httpEtag, 'x-uploaded-by': object.customMetadata?.uploadedBy ?? '' } });
}
export async function DELETE(_request: Request, { params }: Context) {
  await getPlatformEnv<Env>().FILES.delete((await params).name);
  return new Response(null, { status: 204 });
}
`,
      'app/api/db/route.ts': `import { notesDb } from '../../_storage/notes-db';
export async function POST(request: Request) {
  const { title } = (await request.json()) as { title: string };
  const db = await notesDb();
  const { meta } = await db.prepare('INSERT INTO notes (title) VALUES (?)').bind(title).run();
  return Response.json({ id: meta.last_row_id, changes: meta.changes }, { status: 201 });
}
export async function GET(request: Request) {
  const id = Number(new URL(request.url).searchParams.get('id'));
  const note = await (await notesDb()).prepare('SELECT id, title FROM notes WHERE id = ?').bind(id).first<{ id: number; title: string }>();
  return note ? Response.json(note) : Response.json({ error: 'no such note' }, { status: 404 });
}
`,
      'app/storage/page.tsx': `import { getPlatformEnv } from 'nexxo/cloudflare';
import { notesDb } from '../_storage/notes-db';
import type { Env } from '../_storage/types';
export const dynamic = 'force-dynamic';
export default async function StoragePage() {
  const db = await notesDb();
  const [{ results: notes }, { objects }] = await Promise.all([
    db.prepare('SELECT id, title FROM notes ORDER BY id').all<{ id: number; title: string }>(),
    getPlatformEnv<Env>().FILES.list(),
  ]);
  const readme = await getPlatformEnv<Env>().FILES.get('readme.txt');
  return (
    <main>
      <ul id="notes">{notes.map((note) => <li key={note.id}>{note.id}: {note.title}</li>)}</ul>
      <ul id="files">{objects.map((object) => <li key={object.key}>{object.key} ({object.size} bytes)</li>)}</ul>
      <p id="readme">{readme ? await readme.text() : 'no readme'}</p>
    </main>
  );
}
`,
      'app/og/route.tsx': `import { ImageResponse } from 'nexxo/og';
export async function GET(request: Request) {
  // ?font=app: the app's own font, fetched the way Next.js documents for the Edge runtime.
  const fonts = new URL(request.url).searchParams.get('font') === 'app'
    ? [{ name: 'Noto Sans', data: await fetch(new URL('../../assets/NotoSans-Regular.ttf', import.meta.url)).then((response) => response.arrayBuffer()), style: 'normal' as const, weight: 400 as const }]
    : undefined;
  return new ImageResponse(<div style={{ display: 'flex', width: '100%', height: '100%', background: '#0b7285', color: 'white', fontSize: 40, fontFamily: 'Noto Sans' }}>On Workers</div>, { width: 400, height: 200, ...(fonts ? { fonts } : {}) });
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
    mkdirSync(join(root, 'assets'));
    mkdirSync(join(root, 'public'));
    copyFileSync(new URL('../../../fixtures/metadata/app/icon.png', import.meta.url), join(root, 'public', 'photo.png'));
    copyFileSync(new URL('../../../fixtures/metadata/assets/NotoSans-Regular.ttf', import.meta.url), join(root, 'assets', 'NotoSans-Regular.ttf'));
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
      r2_buckets: [{ binding: 'FILES', bucket_name: 'notes-files' }],
      d1_databases: [{ binding: 'DB', database_name: 'notes-db', database_id: '6f0c3c0e-0000-4000-8000-000000000001' }],
      vars: { GREETING: 'hello from vars' },
      assets: { directory: 'assets', binding: 'ASSETS' },
    });
    // Hashed files skip the Worker; the image endpoint under /_nexxo/ does not.
    expect(config.assets.run_worker_first[0]).toBe('/*');
    expect(config.assets.run_worker_first).not.toContain('!/_nexxo/*');
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

  it('writes, reads and deletes an R2 object from a route handler, with its metadata', async () => {
    const put = await get('/api/files/readme.txt', { method: 'PUT', body: 'stored in R2', headers: { 'content-type': 'text/plain; charset=utf-8' } });
    expect(put.status).toBe(201);
    expect(await put.json()).toEqual({ key: 'readme.txt', size: 12 });
    const read = await get('/api/files/readme.txt');
    expect(read.status).toBe(200);
    expect(read.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(read.headers.get('x-uploaded-by')).toBe('route-handler');
    expect(read.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
    expect(await read.text()).toBe('stored in R2');
    const bytes = new Uint8Array([0, 255, 1, 254]);
    expect((await get('/api/files/bytes.bin', { method: 'PUT', body: bytes })).status).toBe(201);
    expect(new Uint8Array(await (await get('/api/files/bytes.bin')).arrayBuffer())).toEqual(bytes);
    expect((await get('/api/files/bytes.bin', { method: 'DELETE' })).status).toBe(204);
    const gone = await get('/api/files/bytes.bin');
    expect(gone.status).toBe(404);
    expect(await gone.text()).toBe('no such file');
  });

  it('creates a D1 table, inserts rows with bound values and selects them from a route handler', async () => {
    for (const [index, title] of ['buy milk', "it's a quote; DROP TABLE notes"].entries()) {
      const posted = await get('/api/db', { method: 'POST', body: JSON.stringify({ title }), headers: { 'content-type': 'application/json' } });
      expect(posted.status).toBe(201);
      expect(await posted.json()).toEqual({ id: index + 1, changes: 1 });
    }
    expect(await (await get('/api/db?id=2')).json()).toEqual({ id: 2, title: "it's a quote; DROP TABLE notes" });
    const missing = await get('/api/db?id=99');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'no such note' });
  });

  it('reads D1 rows and R2 objects in a server component', async () => {
    const response = await get('/storage');
    expect(response.status).toBe(200);
    const html = (await response.text()).replaceAll('<!-- -->', '');
    expect(html).toContain('<ul id="notes"><li>1: buy milk</li><li>2: it&#x27;s a quote; DROP TABLE notes</li></ul>');
    expect(html).toContain('<ul id="files"><li>readme.txt (12 bytes)</li></ul>');
    expect(html).toContain('<p id="readme">stored in R2</p>');
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
    // With the app's font file: a valid image of the same size, drawn differently.
    const withFont = await get('/og?font=app');
    expect(withFont.status).toBe(200);
    const fontBytes = new Uint8Array(await withFont.arrayBuffer());
    const fontView = new DataView(fontBytes.buffer);
    expect([fontView.getUint32(16), fontView.getUint32(20)]).toEqual([400, 200]);
    expect(Buffer.from(fontBytes).equals(Buffer.from(bytes))).toBe(false);
  });

  it('passes images through /_nexxo/image (no sharp on Workers), with the endpoint guards', async () => {
    const original = readFileSync(new URL('../../../fixtures/metadata/app/icon.png', import.meta.url));
    const image = await get('/_nexxo/image?url=%2Fphoto.png&w=640&q=75', { headers: { accept: 'image/avif,image/webp,*/*' } });
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer()).equals(original)).toBe(true);
    expect((await get('/_nexxo/image?url=%2Fphoto.png&w=641&q=75')).status).toBe(400);
    expect((await get('/_nexxo/image?url=https%3A%2F%2Fevil.example%2Fa.png&w=640&q=75')).status).toBe(400);
    expect((await get('/_nexxo/image?url=%2F..%2Fwrangler.jsonc&w=640&q=75')).status).toBe(400);
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
