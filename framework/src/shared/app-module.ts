/**
 * The shape of `virtual:nexxo/app`, the module the build generates from the `app/` folder. The
 * rsc entry reads the route tree from it; file modules are imported lazily so a request loads only
 * the files of the route it renders.
 */
export type ModuleLoader = () => Promise<Record<string, unknown>>;

export type SegmentFileKind = 'layout' | 'page' | 'template' | 'loading' | 'error' | 'not-found' | 'global-error' | 'route';

export interface AppSegment {
  /** Folder name: `''` for the root, `blog`, `(marketing)`, `[slug]`, `[...all]`, `[[...all]]`. */
  name: string;
  /** Param name for a dynamic segment. */
  param?: { name: string; kind: 'dynamic' | 'catch-all' | 'optional-catch-all' };
  files: Partial<Record<SegmentFileKind, ModuleLoader>>;
  /** The same files' paths relative to the app root, for error messages. */
  paths: Partial<Record<SegmentFileKind, string>>;
  /** Indexes of child segments in `segments`. */
  children: number[];
  /** File-based metadata of this segment (icons, Open Graph and Twitter images), for `<head>`. */
  metadata?: SegmentMetadataFile[];
}

export type MetadataImageKind = 'icon' | 'apple-icon' | 'opengraph-image' | 'twitter-image' | 'favicon';

/** An image file in a segment (`icon.png`, `opengraph-image.tsx`…) as `<head>` links to it. */
export interface SegmentMetadataFile {
  kind: MetadataImageKind;
  /** The last URL part it is served at: `icon.png` (a file), `opengraph-image` (generated). */
  name: string;
  /** A file: what is known at build time. Generated: read from its exports when rendering. */
  image: { type: string; width?: number; height?: number; alt?: string; hash: string } | null;
  load?: ModuleLoader;
}

export interface AppRoute {
  /** The route's pattern, e.g. `/blog/[slug]`. */
  id: string;
  type: 'page' | 'route';
  /** Indexes into `segments`, root first; the last one holds the page or route file. */
  segments: number[];
}

export interface AppModule {
  segments: AppSegment[];
  routes: AppRoute[];
  buildId: string;
}

export type Params = Record<string, string | string[]>;
