import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ManifestRoute } from '@nexxo/runtime';

/** A set of emitted files and their summed sizes in bytes, as written and gzipped. */
export interface FileSizes {
  /** URLs, as the browser requests them. */
  files: string[];
  raw: number;
  gzip: number;
}

export interface RouteStats {
  id: string;
  rendering: ManifestRoute['rendering'];
  /** JS only this page loads: its client-reference chunks that the entry does not already load. */
  own: FileSizes;
  /** All JS a first visit of the page loads: entry, the entry's imports and `own`. */
  firstLoad: FileSizes;
  /** The stylesheets the page's route files import. */
  css: FileSizes;
}

/** `.nexxo/build-stats.json`: the numbers of the route table, for tools and CI checks. */
export interface BuildStats {
  version: 1;
  /** JS every page loads (the entry and its static imports). */
  shared: FileSizes;
  /** Page routes; route handlers load no JS. */
  routes: RouteStats[];
}

/** Measures URLs of the client build by reading the emitted files; each file is read and gzipped once. */
export function createSizeMeter(staticDir: string, basePath = ''): (urls: string[]) => FileSizes {
  const cache = new Map<string, { raw: number; gzip: number }>();
  return (urls) => {
    const files = [...new Set(urls)];
    let raw = 0;
    let gzip = 0;
    for (const url of files) {
      let size = cache.get(url);
      if (size === undefined) {
        const content = readFileSync(join(staticDir, url.slice(basePath.length)));
        size = { raw: content.byteLength, gzip: gzipSync(content).byteLength };
        cache.set(url, size);
      }
      raw += size.raw;
      gzip += size.gzip;
    }
    return { files, raw, gzip };
  };
}

export interface RouteStatsInput {
  staticDir: string;
  basePath: string;
  /** The client entry and its static imports. */
  entryUrls: string[];
  routes: ManifestRoute[];
  /** Stylesheet URLs of a route (from the manifest's per-route-file `styles`). */
  stylesFor: (route: ManifestRoute) => string[];
}

export function buildStats({ staticDir, basePath, entryUrls, routes, stylesFor }: RouteStatsInput): BuildStats {
  const measure = createSizeMeter(staticDir, basePath);
  return {
    version: 1,
    shared: measure(entryUrls),
    routes: routes
      .filter((route) => route.type === 'page')
      .map((route) => ({
        id: route.id,
        rendering: route.rendering,
        own: measure(route.preload),
        firstLoad: measure([...entryUrls, ...route.preload]),
        css: measure(stylesFor(route)),
      })),
  };
}
