import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionFields, formOf } from '../../../fixtures/actions/tests/helpers.js';
import { textOf } from '../../../fixtures/caching/tests/helpers.js';
import { middlewareHttpCases } from '../../../fixtures/middleware/tests/http-cases.js';
import { copyFixture } from '../../../test-utils/fixtures.js';
import { cli } from '../../../test-utils/server.js';
import { loadEdgeFunction, type EdgeFunction } from './edge-function.js';

const ORIGIN = 'https://nexxo.test';

function buildForVercel(fixture: string): string {
  const root = copyFixture(fixture);
  execFileSync(process.execPath, [cli, 'build', root, '--adapter', 'vercel'], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, UPSTREAM_URL: 'http://127.0.0.1:9' } });
  return root;
}

/** Serves a Node.js function's (req, res) handler on 127.0.0.1 for one callback. */
async function withNodeFunction<T>(file: string, use: (url: string) => Promise<T>): Promise<T> {
  const { default: handler } = (await import(file)) as { default: RequestListener };
  const server = createServer(handler).listen(0, '127.0.0.1');
  await new Promise((done) => server.once('listening', done));
  try {
    return await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.close();
  }
}

describe('incremental static regeneration on Vercel (fixtures/caching)', () => {
  let root: string;
  let output: string;
  let config: { routes: Array<Record<string, unknown>>; overrides: Record<string, unknown> };
  beforeAll(() => {
    root = buildForVercel('caching');
    output = join(root, '.vercel', 'output');
    config = JSON.parse(readFileSync(join(output, 'config.json'), 'utf8'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const isrName = () => {
    const route = config.routes.find((entry) => entry.src === '^(?:\\/isr)$' && !entry.has)!;
    return /^\/(_nexxo\/isr\/\d+)\?/.exec(String(route.dest))![1]!;
  };

  it('routes a page with revalidate to its prerender functions, HTML and RSC, and keeps it out of static/', () => {
    const name = isrName();
    expect(config.routes).toContainEqual({ src: '^(?:\\/isr)$', has: [{ type: 'query', key: '_rsc' }], dest: `/${name}.rsc?__nexxo_page=%2Fisr&_rsc=1` });
    expect(config.routes).toContainEqual({ src: '^(?:\\/isr)$', dest: `/${name}?__nexxo_page=%2Fisr` });
    // Both come before the filesystem and the catch-all RSC route.
    const isrAt = config.routes.findIndex((entry) => String(entry.dest).startsWith(`/${name}`));
    expect(isrAt).toBeLessThan(config.routes.findIndex((entry) => entry.dest === '/index'));
    expect(existsSync(join(output, 'static', 'isr.html'))).toBe(false);
    // A page without revalidate stays a static file.
    expect(config.overrides['static-page.html']).toEqual({ path: 'static-page', contentType: 'text/html; charset=utf-8' });
  });

  it('writes prerender-config.json with the expiration, a bypass token, and the prerendered page as the fallback', () => {
    const name = isrName();
    const html = JSON.parse(readFileSync(join(output, 'functions', `${name}.prerender-config.json`), 'utf8'));
    const rsc = JSON.parse(readFileSync(join(output, 'functions', `${name}.rsc.prerender-config.json`), 'utf8'));
    expect(html).toMatchObject({ expiration: 2, allowQuery: ['__nexxo_page'], passQuery: true, initialStatus: 200, initialHeaders: { 'content-type': 'text/html; charset=utf-8' } });
    expect(html.bypassToken).toMatch(/^[0-9a-f]{64}$/);
    expect(rsc).toMatchObject({ expiration: 2, group: html.group, bypassToken: html.bypassToken, initialHeaders: { 'content-type': 'text/x-component' } });
    const fallback = readFileSync(join(output, 'functions', dirname(name), html.fallback), 'utf8');
    expect(fallback).toBe(readFileSync(join(root, '.nexxo', 'prerendered', 'isr.html'), 'utf8'));
    expect(existsSync(join(output, 'functions', dirname(name), rsc.fallback))).toBe(true);
  });

  it('links each prerender function to one Node.js function that does not stream', () => {
    const name = isrName();
    for (const link of [`${name}.func`, `${name}.rsc.func`]) {
      const path = join(output, 'functions', link);
      expect(lstatSync(path).isSymbolicLink()).toBe(true);
      expect(resolve(dirname(path), readlinkSync(path))).toBe(join(output, 'functions', '_nexxo', 'isr-render.func'));
    }
    expect(JSON.parse(readFileSync(join(output, 'functions', '_nexxo', 'isr-render.func', '.vc-config.json'), 'utf8'))).toEqual({ runtime: 'nodejs20.x', handler: 'index.mjs', launcherType: 'Nodejs', supportsResponseStreaming: false });
  });

  it('renders the page afresh when Vercel invokes the prerender function, and only its own pages', async () => {
    const built = readFileSync(join(root, '.nexxo', 'prerendered', 'isr.html'), 'utf8');
    await withNodeFunction(join(output, 'functions', '_nexxo', 'isr-render.func', 'index.mjs'), async (url) => {
      const page = await fetch(`${url}/${isrName()}?__nexxo_page=%2Fisr`);
      expect(page.status).toBe(200);
      const rendered = await textOf(page, 'rendered');
      expect(rendered).toMatch(/^rendered: \d+$/);
      expect(built.replace(/<!-- -->/g, '')).not.toContain(rendered);
      const payload = await fetch(`${url}/${isrName()}.rsc?__nexxo_page=%2Fisr&_rsc=1`);
      expect(payload.headers.get('content-type')).toBe('text/x-component');
      expect((await fetch(`${url}/${isrName()}?__nexxo_page=%2Fwhoami`)).status).toBe(404);
    });
  });

  it('asks Vercel to regenerate the page (HTML and RSC) when an action or route handler calls revalidatePath', async () => {
    const bypassToken = JSON.parse(readFileSync(join(output, 'functions', `${isrName()}.prerender-config.json`), 'utf8')).bypassToken;
    const sent: string[] = [];
    const edge = loadEdgeFunction(join(output, 'functions', 'index.func', 'index.js'), {
      fetch: (async (input: string | URL | Request, init?: RequestInit) => {
        const request = new Request(input, init);
        sent.push(`${request.method} ${request.url} ${request.headers.get('x-prerender-revalidate') === bypassToken}`);
        return new Response(null, { status: 200 });
      }) as typeof fetch,
    });
    await edge.fetch('/api/revalidate?path=/isr', { method: 'POST' });
    expect(sent).toEqual([`HEAD ${ORIGIN}/isr true`, `HEAD ${ORIGIN}/isr?_rsc=1 true`]);
    sent.length = 0;
    // A path without a prerender function needs no request.
    await edge.fetch('/api/revalidate?path=/static-page', { method: 'POST' });
    expect(sent).toEqual([]);
  });
});

describe('middleware on the Vercel Edge function (fixtures/middleware)', () => {
  let root: string;
  let edge: EdgeFunction;
  beforeAll(() => {
    root = buildForVercel('middleware');
    edge = loadEdgeFunction(join(root, '.vercel', 'output', 'functions', 'index.func', 'index.js'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('leaves prerendered pages the middleware matches to the function, so the CDN cannot skip it', () => {
    const config = JSON.parse(readFileSync(join(root, '.vercel', 'output', 'config.json'), 'utf8'));
    const overrides = Object.keys(config.overrides ?? {});
    expect(overrides).not.toContain('target.html');
    expect(overrides).not.toContain('show-headers.html');
    expect(existsSync(join(root, '.vercel', 'output', 'static', 'index.html'))).toBe(false);
  });

  it('sends the paths the matcher matches, its conditions included, to the function before any rewrite or file', () => {
    const { routes } = JSON.parse(readFileSync(join(root, '.vercel', 'output', 'config.json'), 'utf8')) as { routes: Array<Record<string, unknown>> };
    const guardAt = (src: string, has?: unknown) => routes.findIndex((route) => route.src === src && route.dest === '/index' && JSON.stringify(route.has) === JSON.stringify(has));
    const api = guardAt('^(?!\\/_nexxo(?:\\/|$))\\/api(?<pathPart>\\/(?<path>(?:[^\\/]+?)(?:\\/(?:[^\\/]+?))*))?(?:\\/)?$');
    const unmatched = guardAt('^(?!\\/_nexxo(?:\\/|$))\\/unmatched(?:\\/)?$', [{ type: 'query', key: 'mw' }]);
    expect(api).toBeGreaterThan(0);
    expect(unmatched).toBeGreaterThan(api);
    expect(unmatched).toBeLessThan(routes.findIndex((route) => route.handle === 'filesystem'));
  });

  middlewareHttpCases((path, init) => edge.fetch(path, { redirect: 'manual', ...init }), () => ORIGIN);
});

describe('server actions on the Vercel Edge function (fixtures/actions)', () => {
  let root: string;
  let edge: EdgeFunction;
  beforeAll(() => {
    root = buildForVercel('actions');
    edge = loadEdgeFunction(join(root, '.vercel', 'output', 'functions', 'index.func', 'index.js'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('runs a form posted without JavaScript, and refuses one from another site', async () => {
    const countOf = async () => Number(/count: <!-- -->(\d+)/.exec(await (await edge.fetch('/counter')).text())![1]);
    const fields = actionFields(await (await edge.fetch('/counter')).text());
    const before = await countOf();
    expect((await edge.fetch('/counter', { method: 'POST', headers: { origin: 'https://evil.example' }, body: formOf(fields) })).status).toBe(403);
    const own = await edge.fetch('/counter', { method: 'POST', headers: { origin: ORIGIN }, body: formOf(fields) });
    expect(own.status).toBe(200);
    expect(await countOf()).toBe(before + 1);
  });
});
