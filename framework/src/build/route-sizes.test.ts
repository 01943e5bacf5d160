import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from '../../../test-utils/browser.js';
import { writeApp } from '../../../test-utils/fixtures.js';
import { cli, startServer } from '../../../test-utils/server.js';
import { formatBytes } from './route-table.js';
import type { BuildStats, FileSizes } from './route-sizes.js';

let root: string;
let output: string;
let stats: BuildStats;

beforeAll(() => {
  root = writeApp({
    'app/layout.tsx': "import './global.css';\nexport default function RootLayout({ children }) { return <html lang=\"en\"><body>{children}</body></html>; }",
    'app/global.css': 'body { margin: 0; font-family: sans-serif; }',
    'app/page.tsx': 'export default function Home() { return <p>home</p>; }',
    'app/counter/page.tsx': "import { Counter } from './counter';\nimport './counter.css';\nexport default function Page() { return <Counter />; }",
    'app/counter/counter.css': '.counter { color: rebeccapurple; padding: 4px; }',
    'app/counter/counter.tsx': "'use client';\nimport { useState } from 'react';\nexport function Counter() { const [count, setCount] = useState(0); return <button className=\"counter\" onClick={() => setCount(count + 1)}>count {count}</button>; }",
    // Chromium asks for /favicon.ico; without one its 404 would be a console error.
    'public/favicon.ico': 'icon',
    'app/api/route.ts': 'export function GET() { return Response.json({ ok: true }); }',
  });
  const result = spawnSync(process.execPath, [cli, 'build', root], { encoding: 'utf8', timeout: 90_000 });
  output = result.stdout + result.stderr;
  if (result.status !== 0) throw new Error(`build failed:\n${output}`);
  stats = JSON.parse(readFileSync(join(root, '.nexxo', 'build-stats.json'), 'utf8')) as BuildStats;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Sums the files on disk, independently of the build's own meter. */
function onDisk(urls: string[]): { raw: number; gzip: number } {
  const contents = urls.map((url) => readFileSync(join(root, '.nexxo', 'static', url)));
  return { raw: contents.reduce((sum, content) => sum + content.byteLength, 0), gzip: contents.reduce((sum, content) => sum + gzipSync(content).byteLength, 0) };
}

const route = (id: string) => stats.routes.find((candidate) => candidate.id === id)!;
const printed = (sizes: FileSizes) => `${formatBytes(sizes.raw)} / ${formatBytes(sizes.gzip)}`;

describe('per-route sizes of nexxo build', () => {
  it('writes raw and gzip sizes that match the emitted files', () => {
    expect(stats.routes.map((candidate) => candidate.id).sort()).toEqual(['/', '/counter']);
    for (const sizes of [stats.shared, ...stats.routes.flatMap((candidate) => [candidate.own, candidate.firstLoad, candidate.css])]) {
      expect({ raw: sizes.raw, gzip: sizes.gzip }).toEqual(onDisk(sizes.files));
    }
    const counter = route('/counter');
    expect(counter.own.files.length).toBeGreaterThan(0);
    expect(counter.firstLoad.files).toEqual([...stats.shared.files, ...counter.own.files]);
    expect(route('/').own.files).toEqual([]);
    expect(counter.css.files.filter((url) => url.endsWith('.css'))).toHaveLength(2);
    expect(onDisk(counter.css.files).raw).toBeGreaterThan(0);
    expect(route('/').css.files).toHaveLength(1);
  });

  it('prints the same numbers in the route table', () => {
    const line = (id: string) => output.split('\n').find((text) => new RegExp(`[┌├└─] . ${id.replace(/[/[\]]/g, '\\$&')}(\\s|$)`).test(text))!;
    const counter = route('/counter');
    expect(line('/counter')).toContain(printed(counter.own));
    expect(line('/counter')).toContain(printed(counter.firstLoad));
    expect(line('/counter')).toContain(printed(counter.css));
    expect(line('/')).toContain(printed(route('/').firstLoad));
    expect(line('/api').trim()).toMatch(/ƒ \/api$/);
    expect(output).toContain(`First Load JS shared by all`);
    expect(output).toMatch(new RegExp(`shared by all\\s+${printed(stats.shared).replace(/[./]/g, '\\$&')}`));
  });

  it('reports as first-load JS exactly the scripts Chromium loads for the page', async () => {
    const server = await startServer(root);
    const browser = await launchBrowser();
    try {
      for (const id of ['/', '/counter']) {
        const { page, assertNoUnexpectedErrors } = await openPage(browser);
        const scripts = new Set<string>();
        const missing: string[] = [];
        page.on('response', (response) => {
          const url = new URL(response.url());
          if (url.pathname.endsWith('.js')) scripts.add(url.pathname);
          if (response.status() === 404) missing.push(url.pathname);
        });
        await page.goto(server.url + id, { waitUntil: 'networkidle' });
        if (id === '/counter') {
          await page.click('button');
          await page.getByText('count 1').waitFor();
        }
        expect([...scripts].sort()).toEqual([...route(id).firstLoad.files].sort());
        expect(missing).toEqual([]);
        assertNoUnexpectedErrors();
        await page.context().close();
      }
    } finally {
      await browser.close();
      await server.stop();
    }
  });
});
