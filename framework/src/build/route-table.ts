import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ManifestRoute } from '@nexxo/runtime';

export interface RouteSizes {
  /** gzip bytes of the JS only this route loads. */
  own: number;
  /** gzip bytes of all JS a first visit loads (entry + route). */
  firstLoad: number;
}

/** Measures gzip sizes from the emitted files; each file is compressed once. */
export function createSizeMeter(staticDir: string, basePath = ''): (urls: string[]) => number {
  const cache = new Map<string, number>();
  return (urls) =>
    [...new Set(urls)].reduce((total, url) => {
      let size = cache.get(url);
      if (size === undefined) {
        size = gzipSync(readFileSync(join(staticDir, url.slice(basePath.length)))).byteLength;
        cache.set(url, size);
      }
      return total + size;
    }, 0);
}

const symbols: Record<ManifestRoute['rendering'], string> = { static: '○', ssg: '●', dynamic: 'ƒ' };

export function formatBytes(bytes: number): string {
  return bytes < 1000 ? `${bytes} B` : `${(bytes / 1000).toFixed(1)} kB`;
}

/** The table `nexxo build` prints, in the shape Next.js users know. */
export function formatRouteTable(routes: Array<{ route: ManifestRoute; sizes: RouteSizes | null; paths: string[] }>, sharedSize: number): string {
  const rows: Array<[string, string, string]> = [];
  const sorted = [...routes].sort((a, b) => a.route.id.localeCompare(b.route.id));
  sorted.forEach(({ route, sizes, paths }, index) => {
    const branch = sorted.length === 1 ? '─' : index === 0 ? '┌' : index === sorted.length - 1 ? '└' : '├';
    rows.push([`${branch} ${symbols[route.rendering]} ${route.id}`, sizes ? formatBytes(sizes.own) : '', sizes ? formatBytes(sizes.firstLoad) : '']);
    const shown = route.rendering === 'ssg' ? paths.slice(0, 3) : [];
    const pipe = index === sorted.length - 1 ? ' ' : '│';
    shown.forEach((path, position) => rows.push([`${pipe}   ${position === shown.length - 1 && paths.length <= 3 ? '└' : '├'} ${path}`, '', '']));
    if (route.rendering === 'ssg' && paths.length > 3) rows.push([`${pipe}   └ [+${paths.length - 3} more paths]`, '', '']);
  });
  const width = Math.max('Route (app)'.length, ...rows.map((row) => row[0].length)) + 2;
  const line = (cells: [string, string, string]) => cells[0].padEnd(width) + cells[1].padStart(10) + cells[2].padStart(16);
  return [
    line(['Route (app)', 'Size', 'First Load JS']),
    ...rows.map(line),
    line([`+ First Load JS shared by all`, '', formatBytes(sharedSize)]),
    '',
    '○  (Static)   prerendered as static content',
    '●  (SSG)      prerendered as static HTML (uses generateStaticParams)',
    'ƒ  (Dynamic)  server-rendered on demand',
    '',
    'Sizes are gzip, measured from the emitted files.',
  ].join('\n');
}
