/** Formats the optimizer may encode to, in `images.formats` order of preference. */
export type ImageFormat = 'image/avif' | 'image/webp';

/** A remote source the optimizer may fetch. `*` matches one subdomain or path segment, `**` any number. */
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

/**
 * The part of `nexxo.config` `images` the image endpoint applies, written into the manifest at
 * build time (Next.js's names and meanings).
 */
export interface ImageEndpointConfig {
  deviceSizes: number[];
  imageSizes: number[];
  formats: ImageFormat[];
  qualities: number[];
  /** Seconds an optimized image is cached at least. */
  minimumCacheTTL: number;
  dangerouslyAllowSVG: boolean;
  /** Also fetch sources on private networks (loopback, 10.x, …). */
  dangerouslyAllowLocalIP: boolean;
  contentSecurityPolicy: string;
  contentDispositionType: 'inline' | 'attachment';
  remotePatterns: RemotePattern[];
  /** null: every local path is allowed. */
  localPatterns: LocalPattern[] | null;
  maximumRedirects: number;
  /** Largest source, in bytes, the endpoint reads. */
  maximumResponseBody: number;
}

/** Next.js 16's defaults (next/dist/shared/lib/image-config.js), so images behave as they did there. */
export const IMAGE_ENDPOINT_DEFAULTS: Readonly<ImageEndpointConfig> = Object.freeze<ImageEndpointConfig>({
  deviceSizes: [640, 750, 828, 1080, 1200, 1920, 2048, 3840],
  imageSizes: [32, 48, 64, 96, 128, 256, 384],
  formats: ['image/webp'],
  qualities: [75],
  minimumCacheTTL: 14_400,
  dangerouslyAllowSVG: false,
  dangerouslyAllowLocalIP: false,
  contentSecurityPolicy: "script-src 'none'; frame-src 'none'; sandbox;",
  contentDispositionType: 'attachment',
  remotePatterns: [],
  localPatterns: null,
  maximumRedirects: 3,
  maximumResponseBody: 50_000_000,
});
