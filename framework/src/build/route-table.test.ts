import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createSizeMeter, type FileSizes } from './route-sizes.js';
import { formatBytes, formatRouteTable } from './route-table.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const sizes = (raw: number, gzip: number, files = ['/x.js']): FileSizes => ({ files, raw, gzip });

describe('route table', () => {
  it('measures raw and gzip sizes from the files on disk, counting each file once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nexxo-sizes-'));
    dirs.push(dir);
    const a = 'const a = 1;\n'.repeat(200);
    const b = 'export function b() { return Math.random(); }\n'.repeat(50);
    writeFileSync(join(dir, 'a.js'), a);
    writeFileSync(join(dir, 'b.js'), b);
    const measure = createSizeMeter(dir, '/base');
    expect(measure(['/base/a.js', '/base/b.js', '/base/a.js'])).toEqual({
      files: ['/base/a.js', '/base/b.js'],
      raw: Buffer.byteLength(a) + Buffer.byteLength(b),
      gzip: gzipSync(a).byteLength + gzipSync(b).byteLength,
    });
  });

  it('prints each route with its kind symbol, prerendered paths and raw / gzip sizes', () => {
    const table = formatRouteTable(
      [
        { route: { id: '/', type: 'page', pattern: [], rendering: 'static', dynamicParams: true, preload: [] }, paths: ['/'] },
        { route: { id: '/blog/[slug]', type: 'page', pattern: [], rendering: 'ssg', dynamicParams: true, preload: [] }, paths: ['/blog/a', '/blog/b'] },
        { route: { id: '/api', type: 'route', pattern: [], rendering: 'dynamic', dynamicParams: true, preload: [] }, paths: [] },
      ],
      {
        version: 1,
        shared: sizes(250_000, 79_500),
        routes: [
          { id: '/', rendering: 'static', own: sizes(900, 500), firstLoad: sizes(251_000, 80_000), css: sizes(0, 0, []) },
          { id: '/blog/[slug]', rendering: 'ssg', own: sizes(4000, 1500), firstLoad: sizes(254_000, 81_000), css: sizes(2000, 700) },
        ],
      },
    );
    expect(table).toMatch(/┌ ○ \/\s+900 B \/ 500 B\s+251\.0 kB \/ 80\.0 kB$/m);
    expect(table).toMatch(/● \/blog\/\[slug\]\s+4\.0 kB \/ 1\.5 kB\s+254\.0 kB \/ 81\.0 kB\s+2\.0 kB \/ 700 B/);
    expect(table).toContain('/blog/a');
    expect(table).toMatch(/├ ƒ \/api$/m);
    expect(table).toMatch(/└ ● \/blog/);
    expect(table).toMatch(/First Load JS shared by all\s+250\.0 kB \/ 79\.5 kB/);
    expect(formatBytes(999)).toBe('999 B');
  });
});
