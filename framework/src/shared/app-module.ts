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
