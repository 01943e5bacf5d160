import { relative, sep } from 'node:path';
import { staticImageInfo } from './static-image-info.js';
import type { ScannedApp, ScannedSegment } from './scan-app.js';

/** Source of `virtual:nexxo/app`: the route tree with a lazy import per route file. */
export function appModuleSource(app: ScannedApp, buildId: string, root: string): string {
  const display = (file: string) => relative(root, file).split(sep).join('/');
  const segments = app.segments.map((segment) => {
    const files = Object.entries(segment.files).map(([kind, file]) => `${JSON.stringify(kind)}: () => import(${JSON.stringify(file)})`);
    const paths = Object.fromEntries(Object.entries(segment.files).map(([kind, file]) => [kind, display(segment.metadataRoute?.file ?? file)]));
    return `  { name: ${JSON.stringify(segment.name)}, param: ${JSON.stringify(segment.param ?? null)}, files: { ${files.join(', ')} }, paths: ${JSON.stringify(paths)}, children: ${JSON.stringify(segment.children)}, metadata: [${metadataImages(segment).join(', ')}] }`;
  });
  const routes = app.routes.map((route) => `  ${JSON.stringify({ id: route.id, type: route.type, segments: route.segments })}`);
  const manifest = app.segments[0]?.metadata.find((file) => file.kind === 'manifest');
  return [
    `export const buildId = ${JSON.stringify(buildId)};`,
    `export const segments = [\n${segments.join(',\n')}\n];`,
    `export const routes = [\n${routes.join(',\n')}\n];`,
    `export const manifestName = ${JSON.stringify(manifest?.name ?? null)};`,
    '',
  ].join('\n');
}

/** The segment's icons and social images as `<head>` needs them (see SegmentMetadataFile). */
function metadataImages(segment: ScannedSegment): string[] {
  return segment.metadata
    .filter((file) => file.kind !== 'robots' && file.kind !== 'sitemap' && file.kind !== 'manifest')
    .map((file) => {
      const image = file.generated ? null : staticImageInfo(file.file);
      const load = file.generated ? `, load: () => import(${JSON.stringify(file.file)})` : '';
      return `{ kind: ${JSON.stringify(file.kind)}, name: ${JSON.stringify(file.name)}, image: ${JSON.stringify(image)}${load} }`;
    });
}
