import { relative, sep } from 'node:path';
import type { ScannedApp } from './scan-app.js';

/** Source of `virtual:nexxo/app`: the route tree with a lazy import per route file. */
export function appModuleSource(app: ScannedApp, buildId: string, root: string): string {
  const segments = app.segments.map((segment) => {
    const files = Object.entries(segment.files).map(([kind, file]) => `${JSON.stringify(kind)}: () => import(${JSON.stringify(file)})`);
    const paths = Object.fromEntries(Object.entries(segment.files).map(([kind, file]) => [kind, relative(root, file).split(sep).join('/')]));
    return `  { name: ${JSON.stringify(segment.name)}, param: ${JSON.stringify(segment.param ?? null)}, files: { ${files.join(', ')} }, paths: ${JSON.stringify(paths)}, children: ${JSON.stringify(segment.children)} }`;
  });
  const routes = app.routes.map((route) => `  ${JSON.stringify({ id: route.id, type: route.type, segments: route.segments })}`);
  return [
    `export const buildId = ${JSON.stringify(buildId)};`,
    `export const segments = [\n${segments.join(',\n')}\n];`,
    `export const routes = [\n${routes.join(',\n')}\n];`,
    '',
  ].join('\n');
}
