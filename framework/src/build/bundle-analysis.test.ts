import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeBundles } from './bundle-analysis.js';
import type { ChunkStats } from '@nexxo/compiler';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function app(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'nexxo-analysis-'));
  dirs.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const chunk = (fileName: string, modules: Record<string, number>, isEntry = false): ChunkStats => ({ fileName, isEntry, size: 100, imports: [], dynamicImports: [], modules });

describe('bundle analysis', () => {
  it('names the package of each module and reports a package bundled from two installs', () => {
    const root = app({
      'package.json': '{ "name": "my-app" }',
      'node_modules/lodash/package.json': '{ "name": "lodash", "version": "4.17.21" }',
      'node_modules/lodash/dist/package.json': '{ "type": "module" }',
      'node_modules/chart/package.json': '{ "name": "chart", "version": "1.0.0" }',
      'node_modules/chart/node_modules/lodash/package.json': '{ "name": "lodash", "version": "3.10.1" }',
    });
    const analysis = analyzeBundles(
      root,
      {
        client: [
          chunk('main.js', { [join(root, 'app/page.tsx')]: 40, [join(root, 'node_modules/lodash/dist/index.js')]: 300, '\0virtual:nexxo/app': 10 }, true),
          chunk('chunks/chart.js', { [join(root, 'node_modules/chart/index.js')]: 50, [join(root, 'node_modules/chart/node_modules/lodash/index.js')]: 200, [join(root, 'app/unused.ts')]: 0 }),
        ],
        ssr: [],
        rsc: [chunk('index.js', { [join(root, 'node_modules/lodash/dist/index.js')]: 300 }, true)],
      },
      [{ id: '/chart', rendering: 'static', own: { files: ['/_nexxo/chunks/chart.js'], raw: 0, gzip: 0 }, firstLoad: { files: ['/_nexxo/main.js', '/_nexxo/chunks/chart.js'], raw: 0, gzip: 0 }, css: { files: [], raw: 0, gzip: 0 } }],
      '/_nexxo/',
    );
    expect(analysis.environments.client[0]!.modules).toEqual([
      { path: 'lodash/dist/index.js', size: 300, package: 'lodash@4.17.21' },
      { path: 'app/page.tsx', size: 40 },
      { path: 'virtual:nexxo/app', size: 10 },
    ]);
    expect(analysis.environments.client[1]!.modules.map((module) => module.path)).toEqual(['lodash/index.js', 'chart/index.js']);
    expect(analysis.routes).toEqual([{ id: '/chart', chunks: { client: ['main.js', 'chunks/chart.js'], rsc: ['index.js'], ssr: [] } }]);
    expect(analysis.duplicates).toEqual([
      {
        environment: 'client',
        name: 'lodash',
        copies: [
          { version: '4.17.21', path: 'node_modules/lodash', size: 300, chunks: ['main.js'] },
          { version: '3.10.1', path: 'node_modules/chart/node_modules/lodash', size: 200, chunks: ['chunks/chart.js'] },
        ],
      },
    ]);
  });

  it('lists the server chunks each route pulls in: entries, the chunks of its modules, and their imports', () => {
    const root = app({ 'package.json': '{ "name": "my-app" }' });
    const file = (path: string) => join(root, path);
    const withImports = (stats: ChunkStats, imports: string[]): ChunkStats => ({ ...stats, imports });
    const analysis = analyzeBundles(
      root,
      {
        client: [],
        rsc: [
          chunk('index.js', { [file('runtime.ts')]: 10 }, true),
          withImports(chunk('chunks/blog.js', { [file('app/blog/page.tsx')]: 20 }), ['chunks/shared.js']),
          chunk('chunks/shared.js', { [file('lib/db.ts')]: 30 }),
          chunk('chunks/about.js', { [file('app/about/page.tsx')]: 20, [file('app/blog/unused.ts')]: 0 }),
        ],
        ssr: [chunk('index.js', {}, true), chunk('chunks/chart.js', { [file('app/blog/chart.tsx')]: 40 })],
      },
      [],
      '/_nexxo/',
      new Map([
        ['/blog', { rsc: [file('app/layout.tsx'), file('app/blog/page.tsx'), file('app/blog/unused.ts')], ssr: [file('app/blog/chart.tsx')] }],
        ['/api/feed', { rsc: [file('app/api/feed/route.ts')], ssr: [] }],
      ]),
    );
    expect(analysis.routes).toEqual([
      { id: '/blog', chunks: { client: [], rsc: ['index.js', 'chunks/blog.js', 'chunks/shared.js'], ssr: ['index.js', 'chunks/chart.js'] } },
      { id: '/api/feed', chunks: { client: [], rsc: ['index.js'], ssr: ['index.js'] } },
    ]);
  });
});
