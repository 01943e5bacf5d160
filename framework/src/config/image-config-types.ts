/**
 * The `images` option, in Next.js's shape (Next 16), so a `next.config` images block can be moved
 * over unchanged.
 */
import type { ImageEndpointConfig, ImageFormat, LocalPattern, RemotePattern } from '@nexxo/runtime';

// The endpoint's half of the config is the runtime's type (it travels in the manifest).
export type { ImageFormat, LocalPattern, RemotePattern };

/** `default` is Nexxo's optimizer; `custom` uses `loaderFile`; the others are hosted services. */
export type ImageLoader = 'default' | 'imgix' | 'cloudinary' | 'akamai' | 'custom';

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

/** `images` with every default filled in: what the endpoint applies, plus what the component needs. */
export interface ResolvedImagesConfig extends ImageEndpointConfig {
  unoptimized: boolean;
  loader: ImageLoader;
  /** Absolute, or null. */
  loaderFile: string | null;
  path: string;
}
