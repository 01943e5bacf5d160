import type { MetadataImageKind } from '../shared/app-module.js';

/** A metadata file found in a segment folder. */
export interface MetadataFile {
  kind: MetadataImageKind | 'robots' | 'sitemap' | 'manifest';
  file: string;
  /** The last URL part it is served at (`opengraph-image.png`, `opengraph-image`, `robots.txt`). */
  name: string;
  /** A `.tsx`/`.ts` file whose default export generates the response. */
  generated: boolean;
}

const IMAGE_EXTENSIONS: Record<MetadataImageKind, string[]> = {
  favicon: ['.ico'],
  icon: ['.ico', '.jpg', '.jpeg', '.png', '.svg'],
  'apple-icon': ['.jpg', '.jpeg', '.png'],
  'opengraph-image': ['.jpg', '.jpeg', '.png', '.gif'],
  'twitter-image': ['.jpg', '.jpeg', '.png', '.gif'],
};
const CODE_EXTENSIONS = ['.tsx', '.ts', '.jsx', '.js'];
/** Root-only files: a static one is served as is, a generated one at the same URL. */
const ROOT_FILES: Record<'robots' | 'sitemap' | 'manifest', { static: string[]; url: string }> = {
  robots: { static: ['.txt'], url: 'robots.txt' },
  sitemap: { static: ['.xml'], url: 'sitemap.xml' },
  manifest: { static: ['.json', '.webmanifest'], url: 'manifest.webmanifest' },
};

const CONTENT_TYPES: Record<string, string> = {
  '.ico': 'image/x-icon',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.gif': 'image/gif',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.json': 'application/manifest+json',
  '.webmanifest': 'application/manifest+json',
};

export function metadataContentType(file: string): string {
  return CONTENT_TYPES[file.slice(file.lastIndexOf('.')).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Recognises a metadata file name (`icon.png`, `icon2.tsx`, `opengraph-image.jpg`, `robots.ts`…);
 * null for any other file. Numbered icons and images (`icon1.png`) are allowed, as in Next.js.
 */
export function metadataFileOf(fileName: string, file: string, isRoot: boolean): MetadataFile | null {
  const dot = fileName.lastIndexOf('.');
  if (dot <= 0) return null;
  const base = fileName.slice(0, dot);
  const extension = fileName.slice(dot).toLowerCase();
  if (isRoot) {
    for (const [kind, spec] of Object.entries(ROOT_FILES) as Array<[keyof typeof ROOT_FILES, (typeof ROOT_FILES)[keyof typeof ROOT_FILES]]>) {
      if (base !== kind) continue;
      if (spec.static.includes(extension)) return { kind, file, name: fileName, generated: false };
      if (CODE_EXTENSIONS.includes(extension)) return { kind, file, name: spec.url, generated: true };
    }
    if (fileName === 'favicon.ico') return { kind: 'favicon', file, name: fileName, generated: false };
  }
  const match = /^(icon|apple-icon|opengraph-image|twitter-image)(\d*)$/.exec(base);
  if (!match) return null;
  const kind = match[1] as MetadataImageKind;
  if (IMAGE_EXTENSIONS[kind].includes(extension)) return { kind, file, name: fileName, generated: false };
  if (CODE_EXTENSIONS.includes(extension)) return { kind, file, name: base, generated: true };
  return null;
}

/** The module id of the route that serves a metadata file (see metadataRoutesPlugin). */
export const METADATA_ROUTE_PREFIX = 'nexxo-metadata-route:';

export function metadataRouteId(metadata: MetadataFile): string {
  return `${METADATA_ROUTE_PREFIX}${metadata.kind}:${metadata.file}`;
}
