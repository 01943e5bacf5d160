import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from '../../../test-utils/browser.js';
import { minimalLayout, writeApp } from '../../../test-utils/fixtures.js';
import { cli } from '../../../test-utils/server.js';
import type { BundleAnalysis } from '../build/bundle-analysis.js';

let root: string;
let output: string;
let analysis: BundleAnalysis;

beforeAll(() => {
  root = writeApp({
    'app/layout.tsx': minimalLayout,
    'app/page.tsx': 'export default function Home() { return <p>home</p>; }',
    'app/counter/page.tsx': "import { Counter } from './counter';\nexport default function Page() { return <Counter />; }",
    'app/counter/counter.tsx': "'use client';\nimport { useState } from 'react';\nexport function Counter() { const [count, setCount] = useState(0); return <button onClick={() => setCount(count + 1)}>count {count}</button>; }",
  });
  // CI set: `--open` must not start anything there.
  const result = spawnSync(process.execPath, [cli, 'analyze', root, '--open'], { encoding: 'utf8', timeout: 90_000, env: { ...process.env, CI: '1' } });
  output = result.stdout + result.stderr;
  if (result.status !== 0) throw new Error(`analyze failed:\n${output}`);
  analysis = JSON.parse(readFileSync(join(root, '.nexxo', 'analyze', 'stats.json'), 'utf8')) as BundleAnalysis;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const reactDomVersion = () => analysis.environments.client.flatMap((chunk) => chunk.modules).find((module) => module.package?.startsWith('react-dom@'))!.package!.split('@')[1];
const html = () => join(root, '.nexxo', 'analyze', 'index.html');

describe('nexxo analyze', () => {
  it('writes module sizes of all three bundles and what each route loads', () => {
    expect(output).toContain('.nexxo/analyze/index.html');
    expect(output).toContain('--open ignored in CI');
    const clientModules = analysis.environments.client.flatMap((chunk) => chunk.modules);
    const reactDom = clientModules.filter((module) => module.package?.startsWith('react-dom@'));
    expect(reactDom.length).toBeGreaterThan(0);
    expect(reactDom.every((module) => module.size > 0 && module.path.startsWith('react-dom/'))).toBe(true);
    expect(clientModules.map((module) => module.path)).toContain('app/counter/counter.tsx');
    expect(analysis.environments.rsc.flatMap((chunk) => chunk.modules).map((module) => module.path)).toContain('app/counter/page.tsx');
    expect(analysis.environments.ssr.flatMap((chunk) => chunk.modules).some((module) => module.path.startsWith('react-dom/'))).toBe(true);
    for (const environment of ['client', 'ssr', 'rsc'] as const) {
      for (const chunk of analysis.environments[environment]) {
        const dir = environment === 'client' ? 'static/_nexxo' : `server/${environment}`;
        expect(chunk.size).toBe(readFileSync(join(root, '.nexxo', dir, chunk.file)).byteLength);
      }
    }
    const counter = analysis.routes.find((route) => route.id === '/counter')!;
    const home = analysis.routes.find((route) => route.id === '/')!;
    const counterChunk = analysis.environments.client.find((chunk) => chunk.modules.some((module) => module.path === 'app/counter/counter.tsx'))!;
    expect(counter.chunks.client).toContain(counterChunk.file);
    expect(home.chunks.client).not.toContain(counterChunk.file);
    // Server bundles by route: the rsc chunk of the page and the ssr chunk of its client component.
    const holding = (environment: 'rsc' | 'ssr', path: string) => analysis.environments[environment].find((chunk) => chunk.modules.some((module) => module.path === path))!.file;
    for (const [environment, path] of [['rsc', 'app/counter/page.tsx'], ['ssr', 'app/counter/counter.tsx']] as const) {
      const file = holding(environment, path);
      expect(counter.chunks[environment], `${environment}: ${path}`).toContain(file);
      expect(home.chunks[environment], `${environment}: ${path}`).not.toContain(file);
      const entry = analysis.environments[environment].find((chunk) => chunk.isEntry)!.file;
      expect(home.chunks[environment]).toContain(entry);
    }
    expect(existsSync(html())).toBe(true);
    expect(readFileSync(html(), 'utf8')).toContain('"path":"app/counter/counter.tsx"');
    expect(readFileSync(html(), 'utf8')).not.toMatch(/\b(src|href)=["']?(https?:)?\/\//);
  });

  it('shows a treemap in Chromium without requests or console errors, zoomable and filtered by route', async () => {
    const browser = await launchBrowser();
    try {
      const { page, assertNoUnexpectedErrors } = await openPage(browser);
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(pathToFileURL(html()).href);
      await page.locator('.cell[data-name^="react-dom/"]').first().waitFor();
      expect(await page.locator('.cell[data-depth="0"]').count()).toBe(analysis.environments.client.length);
      expect(requests).toEqual([pathToFileURL(html()).href]);

      // The route filter keeps exactly the chunks a first visit of the page loads (the table lists them all, however small).
      const chunksListed = () => page.locator('#chunks tbody td:first-child').allTextContents();
      const listed = (files: string[]) => files.map((file) => file + (file === entry.file ? ' (entry)' : '')).sort();
      const entry = analysis.environments.client.find((chunk) => chunk.isEntry)!;
      for (const route of analysis.routes) {
        await page.selectOption('#route', route.id);
        await expect.poll(async () => (await chunksListed()).sort()).toEqual(listed(route.chunks.client));
      }

      await page.selectOption('#route', '');
      await page.locator(`.cell[data-depth="0"][data-name="${entry.file}"]`).click({ position: { x: 5, y: 5 } });
      await expect.poll(() => page.locator('#crumbs').textContent()).toBe(`client › ${entry.file}`);
      expect(await page.locator('.cell[data-depth="0"][data-name="react-dom@' + reactDomVersion() + '"]').count()).toBe(1);

      await page.selectOption('#environment', 'rsc');
      await expect.poll(() => page.locator('.cell[data-depth="0"]').count()).toBe(analysis.environments.rsc.filter((chunk) => chunk.modules.length > 0).length);
      // The route filter applies to the server bundles too.
      const counter = analysis.routes.find((route) => route.id === '/counter')!;
      await page.selectOption('#route', '/counter');
      await expect.poll(async () => (await chunksListed()).map((text) => text.replace(' (entry)', '')).sort()).toEqual([...counter.chunks.rsc].sort());
      assertNoUnexpectedErrors();
    } finally {
      await browser.close();
    }
  });
});
