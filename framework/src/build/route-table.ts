import type { ManifestRoute } from '@nexxo/runtime';
import type { BuildStats, FileSizes } from './route-sizes.js';

const symbols: Record<ManifestRoute['rendering'], string> = { static: '○', ssg: '●', dynamic: 'ƒ' };

export function formatBytes(bytes: number): string {
  return bytes < 1000 ? `${bytes} B` : `${(bytes / 1000).toFixed(1)} kB`;
}

const rawAndGzip = (sizes: FileSizes | undefined) => (sizes ? `${formatBytes(sizes.raw)} / ${formatBytes(sizes.gzip)}` : '');

/** The table `nexxo build` prints, in the shape Next.js users know, with raw and gzip sizes. */
export function formatRouteTable(routes: Array<{ route: ManifestRoute; paths: string[] }>, stats: BuildStats): string {
  const byId = new Map(stats.routes.map((route) => [route.id, route]));
  const rows: Array<[string, string, string, string]> = [];
  const sorted = [...routes].sort((a, b) => a.route.id.localeCompare(b.route.id));
  sorted.forEach(({ route, paths }, index) => {
    const branch = sorted.length === 1 ? '─' : index === 0 ? '┌' : index === sorted.length - 1 ? '└' : '├';
    const sizes = route.type === 'page' ? byId.get(route.id) : undefined;
    rows.push([`${branch} ${symbols[route.rendering]} ${route.id}`, rawAndGzip(sizes?.own), rawAndGzip(sizes?.firstLoad), sizes?.css.files.length ? rawAndGzip(sizes.css) : '']);
    const shown = route.rendering === 'ssg' ? paths.slice(0, 3) : [];
    const pipe = index === sorted.length - 1 ? ' ' : '│';
    shown.forEach((path, position) => rows.push([`${pipe}   ${position === shown.length - 1 && paths.length <= 3 ? '└' : '├'} ${path}`, '', '', '']));
    if (route.rendering === 'ssg' && paths.length > 3) rows.push([`${pipe}   └ [+${paths.length - 3} more paths]`, '', '', '']);
  });
  const width = Math.max('Route (app)'.length, ...rows.map((row) => row[0].length)) + 2;
  const line = (cells: [string, string, string, string]) => (cells[0].padEnd(width) + cells[1].padStart(20) + cells[2].padStart(22) + cells[3].padStart(22)).trimEnd();
  return [
    line(['Route (app)', 'Size', 'First Load JS', 'CSS']),
    ...rows.map(line),
    line([`+ First Load JS shared by all`, '', rawAndGzip(stats.shared), '']),
    '',
    '○  (Static)   prerendered as static content',
    '●  (SSG)      prerendered as static HTML (uses generateStaticParams)',
    'ƒ  (Dynamic)  server-rendered on demand',
    '',
    'Sizes are raw / gzip, measured from the emitted files (per route in .nexxo/build-stats.json).',
  ].join('\n');
}
