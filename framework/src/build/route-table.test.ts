import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createSizeMeter, formatBytes, formatRouteTable } from './route-table.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('route table', () => {
  it('measures gzip sizes from the files on disk, counting each file once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nexxo-sizes-'));
    dirs.push(dir);
    const a = 'const a = 1;\n'.repeat(200);
    const b = 'export function b() { return Math.random(); }\n'.repeat(50);
    writeFileSync(join(dir, 'a.js'), a);
    writeFileSync(join(dir, 'b.js'), b);
    const measure = createSizeMeter(dir);
    expect(measure(['/a.js', '/b.js', '/a.js'])).toBe(gzipSync(a).byteLength + gzipSync(b).byteLength);
  });

  it('prints each route with its kind symbol, prerendered paths and sizes', () => {
    const table = formatRouteTable(
      [
        { route: { id: '/', type: 'page', pattern: [], rendering: 'static', dynamicParams: true, preload: [] }, paths: ['/'], sizes: { own: 500, firstLoad: 80_000 } },
        { route: { id: '/blog/[slug]', type: 'page', pattern: [], rendering: 'ssg', dynamicParams: true, preload: [] }, paths: ['/blog/a', '/blog/b'], sizes: { own: 1500, firstLoad: 81_000 } },
        { route: { id: '/api', type: 'route', pattern: [], rendering: 'dynamic', dynamicParams: true, preload: [] }, paths: [], sizes: null },
      ],
      79_500,
    );
    expect(table).toMatch(/┌ ○ \/\s+500 B\s+80\.0 kB/);
    expect(table).toMatch(/● \/blog\/\[slug\]\s+1\.5 kB\s+81\.0 kB/);
    expect(table).toContain('/blog/a');
    expect(table).toMatch(/├ ƒ \/api/);
    expect(table).toMatch(/└ ● \/blog/);
    expect(table).toMatch(/First Load JS shared by all\s+79\.5 kB/);
    expect(formatBytes(999)).toBe('999 B');
  });
});
