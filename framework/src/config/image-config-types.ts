/**
 * The `images` option, in Next.js's shape (Next 16), so a `next.config` images block can be moved
 * over unchanged.
 */
export type ImageFormat = 'image/avif' | 'image/webp';

/** `default` is Nexxo's optimizer; `custom` uses `loaderFile`; the others are hosted services. */
export type ImageLoader = 'default' | 'imgix' | 'cloudinary' | 'akamai' | 'custom';

/** A remote source the optimizer may fetch. `*` matches one subdomain or segment, `**` any number. */
export interface RemotePattern {
  protocol?: 'http' | 'https';
  hostname: string;
  /** `''` means no port. */
  port?: string;
  pathname?: string;
  /** A literal query string such as `?v=1`; `''` means none. */
  search?: string;
}

/** A local path the optimizer may serve. */
export interface LocalPattern {
  pathname?: string;
  search?: string;
}

export interface ImagesConfig {
  /** Widths for `sizes`-based images (full-width layouts). */
  deviceSizes?: number[];
  /** Widths for images smaller than the screen; joined with deviceSizes into one list. */
  imageSizes?: number[];
  /** Formats offered, in order of preference, to browsers that accept them. */
  formats?: ImageFormat[];
  /** Allowed `quality` values, 1 to 100. */
  qualities?: number[];
  /** Seconds an optimized image is cached when the source sends no longer max-age. */
  minimumCacheTTL?: number;
  dangerouslyAllowSVG?: boolean;
  /** Also allow sources on private networks (localhost, 10.x, …). */
  dangerouslyAllowLocalIP?: boolean;
  contentSecurityPolicy?: string;
  contentDispositionType?: 'inline' | 'attachment';
  /** Objects, or URLs (`new URL('https://cdn.example.com/img/**')` or the same as a string). */
  remotePatterns?: (RemotePattern | URL | string)[];
  localPatterns?: LocalPattern[];
  /** Redirects the optimizer follows when fetching a remote source. */
  maximumRedirects?: number;
  /** Largest source image, in bytes, the optimizer reads (50 MB). */
  maximumResponseBody?: number;
  /** Serve images as they are, without optimizing. */
  unoptimized?: boolean;
  loader?: ImageLoader;
  /** A module whose default export maps `{ src, width, quality }` to a URL. Implies `loader: 'custom'`. */
  loaderFile?: string;
  /** Where the optimizer is served (and the hosted loader's base URL). */
  path?: string;
}

export interface ResolvedImagesConfig {
  deviceSizes: number[];
  imageSizes: number[];
  formats: ImageFormat[];
  qualities: number[];
  minimumCacheTTL: number;
  dangerouslyAllowSVG: boolean;
  dangerouslyAllowLocalIP: boolean;
  contentSecurityPolicy: string;
  contentDispositionType: 'inline' | 'attachment';
  /** URL forms converted to objects. */
  remotePatterns: RemotePattern[];
  /** null: not configured, so every local path is allowed. */
  localPatterns: LocalPattern[] | null;
  maximumRedirects: number;
  maximumResponseBody: number;
  unoptimized: boolean;
  loader: ImageLoader;
  /** Absolute, or null. */
  loaderFile: string | null;
  path: string;
}
