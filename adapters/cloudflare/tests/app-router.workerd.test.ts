import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from '../../../test-utils/browser.js';
import { copyFixture } from '../../../test-utils/fixtures.js';
import { cli } from '../../../test-utils/server.js';
import { productionErrorCases } from '../../../fixtures/app-router/tests/error-cases.js';
import { parseJsonc } from '../src/build/jsonc.js';
import { startWranglerDev, type WranglerDev } from './wrangler-dev.js';

/** The app-router fixture built with the Cloudflare adapter, served by workerd through `wrangler dev`. */
describe('the app-router fixture on Cloudflare Workers (wrangler dev)', () => {
  let root: string;
  let buildOutput: string;
  let worker: WranglerDev;
  let browser: Browser;
  beforeAll(async () => {
    root = copyFixture('app-router');
    buildOutput = execFileSync(process.execPath, [cli, 'build', root, '--adapter', 'cloudflare'], { encoding: 'utf8', timeout: 120_000 });
    [worker, browser] = await Promise.all([startWranglerDev(join(root, '.nexxo/cloudflare')), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
  });

  const get = (path: string, init?: RequestInit) => fetch(worker.url + path, { redirect: 'manual', ...init });

  describe('build output', () => {
    it('prints the Worker size, gzip under 1 MB', () => {
      const match = /worker\.js\s+[\d.]+ (?:kB|MB) \(([\d.]+) (kB|MB) gzip\)/.exec(buildOutput);
      expect(match, buildOutput).not.toBeNull();
      const gzipKb = Number(match![1]) * (match![2] === 'MB' ? 1024 : 1);
      expect(gzipKb).toBeLessThan(1024);
    });

    it('writes wrangler.jsonc with nodejs_compat and an ASSETS binding that serves hashed files first', () => {
      const config = parseJsonc(readFileSync(join(root, '.nexxo/cloudflare/wrangler.jsonc'), 'utf8')) as Record<string, any>;
      expect(config).toMatchObject({ name: 'fixture-app-router', main: 'worker.js', compatibility_flags: ['nodejs_compat'] });
      expect(config.compatibility_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // The hashed files by folder (and the entry by name), never `/_nexxo/*`, so /_nexxo/image reaches the Worker.
      const hashed = readdirSync(join(root, '.nexxo/cloudflare/assets/_nexxo'), { withFileTypes: true }).map((entry) => `!/_nexxo/${entry.name}${entry.isDirectory() ? '/*' : ''}`);
      expect(config.assets).toEqual({ directory: 'assets', binding: 'ASSETS', run_worker_first: ['/*', ...hashed.sort()], html_handling: 'none', not_found_handling: 'none' });
      expect(hashed).toContain('!/_nexxo/chunks/*');
      expect(readFileSync(join(root, '.nexxo/cloudflare/assets/_headers'), 'utf8')).toContain('/_nexxo/*\n  Cache-Control: public, max-age=31536000, immutable');
      expect(existsSync(join(root, '.nexxo/cloudflare/assets/robots.txt'))).toBe(true);
      expect(existsSync(join(root, '.nexxo/cloudflare/assets/__nexxo/prerendered/index.html'))).toBe(true);
    });
  });

  describe('pages', () => {
    it('serves a prerendered page with the RSC payload inlined', async () => {
      const response = await get('/');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
      const html = await response.text();
      expect(html).toMatch(/^<!DOCTYPE html><html lang="en">/);
      expect(html).toContain('Hello from a server component');
      expect(html).toContain('self.__nexxo_rsc');
    });

    it('renders dynamic pages per request with headers, cookies and params', async () => {
      const html = await (await get('/dynamic', { headers: { 'x-test-header': 'from-test', cookie: 'flavor=vanilla' } })).text();
      expect(html).toContain('from-test');
      expect(html).toContain('vanilla');
      const post = await get('/blog/dynamic-post');
      expect(post.status).toBe(200);
      expect(post.headers.get('cache-control')).toContain('no-store');
      expect(await post.text()).toMatch(/Rendered on demand: (<!-- -->)?dynamic-post/);
    });

    it('renders the root not-found page with a 404', async () => {
      const response = await get('/missing-page');
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('Page not found (root)');
    });

    it('does not expose the prerendered files as URLs', async () => {
      expect((await get('/__nexxo/prerendered/index.html')).status).toBe(404);
    });

    it('redirects with 307 from redirect() and removes a trailing slash with a 308', async () => {
      const redirect = await get('/redirect');
      expect(redirect.status).toBe(307);
      expect(redirect.headers.get('location')).toBe('/about');
      const slash = await get('/about/?x=1');
      expect(slash.status).toBe(308);
      expect(slash.headers.get('location')).toBe('/about?x=1');
    });
  });

  describe('streaming', () => {
    it('sends the Suspense fallback well before the slow content, in one response', async () => {
      const started = performance.now();
      const response = await get('/streaming', { headers: { 'accept-encoding': 'identity' } });
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      let fallbackAt = Infinity;
      let contentAt = Infinity;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
        const now = performance.now() - started;
        if (fallbackAt === Infinity && text.includes('Loading slow content')) fallbackAt = now;
        if (contentAt === Infinity && text.includes('Slow content arrived')) contentAt = now;
      }
      expect(fallbackAt).toBeLessThan(700);
      expect(contentAt).toBeGreaterThanOrEqual(950);
      expect(text.trimEnd().endsWith('</body></html>')).toBe(true);
    });
  });

  describe('RSC payloads', () => {
    it('serves the payload of a prerendered page for client navigation', async () => {
      const response = await get('/about?_rsc=x');
      expect(response.headers.get('content-type')).toBe('text/x-component');
      const body = await response.text();
      expect(body).toContain('About Nexxo');
      expect(body).not.toContain('<html');
    });

    it('renders only the segments the client does not have', async () => {
      const tree = ['', 'blog', '[slug]|hello', '__PAGE__'].map(encodeURIComponent).join('/');
      const response = await get('/blog/dynamic-post?_rsc=y', { headers: { 'nexxo-tree': tree } });
      expect(response.headers.get('content-type')).toBe('text/x-component');
      const body = await response.text();
      expect(body).toContain('"from":2');
      expect(body).toContain('Rendered on demand');
    });
  });

  describe('error handling', () => {
    productionErrorCases(get, () => worker.output());
  });

  describe('static files and route handlers', () => {
    it('serves hashed client files as immutable (from the assets layer) and public files with revalidation', async () => {
      const html = await (await get('/')).text();
      const entry = /src="(\/_nexxo\/main-[\w-]+\.js)"/.exec(html)![1]!;
      const script = await get(entry);
      expect(script.status).toBe(200);
      expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(script.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
      const robots = await get('/robots.txt');
      expect(await robots.text()).toContain('User-agent');
      expect(robots.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    });

    it('runs GET and POST handlers with Web Request/Response and cookies', async () => {
      expect(await (await get('/api/hello?name=nexxo')).json()).toEqual({ hello: 'nexxo' });
      const posted = await get('/api/hello', { method: 'POST', body: JSON.stringify({ value: 21 }), headers: { 'content-type': 'application/json' } });
      expect(posted.status).toBe(201);
      expect(await posted.json()).toEqual({ doubled: 42 });
      expect(posted.headers.get('set-cookie')).toBe('posted=21; Path=/');
      expect(await (await get('/api/items/7')).json()).toEqual({ id: '7' });
    });
  });

  describe('in the browser', () => {
    it('hydrates and navigates client-side without a reload or console errors', async () => {
      const { page, assertNoUnexpectedErrors } = await openPage(browser);
      const documents: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'document') documents.push(request.url());
      });
      await page.goto(worker.url + '/');
      await page.waitForFunction(() => (history.state as { nexxo?: unknown } | null)?.nexxo !== undefined);
      await page.click('#counter');
      expect(await page.textContent('#counter')).toBe('count is 2');
      await page.click('#root-counter');
      await page.click('#nav-about');
      await page.waitForSelector('#about');
      await page.click('#nav-hello');
      await page.waitForSelector('#post-title');
      expect(await page.textContent('#post-title')).toBe('Hello, world');
      await page.click('#nav-streaming');
      await page.waitForSelector('#slow-content');
      expect(await page.evaluate(() => location.pathname)).toBe('/streaming');
      expect(await page.textContent('#root-counter')).toBe('root-counter: 1');
      expect(documents).toHaveLength(1);
      assertNoUnexpectedErrors();
      await page.context().close();
    });

    it('shows the segment error boundary for a page that throws, with the digest and not the message', async () => {
      const { page, assertNoUnexpectedErrors } = await openPage(browser);
      await page.goto(worker.url + '/errors/throw');
      await page.waitForSelector('#segment-error');
      expect(await page.textContent('#segment-error-message')).not.toContain('secret failure');
      expect(await page.textContent('#segment-error-digest')).toMatch(/^[0-9a-f]{10}$/);
      expect(await page.locator('#root-counter').count()).toBe(1);
      assertNoUnexpectedErrors([/status of 500/, /React error #441/]);
      await page.context().close();
    });
  });
});
