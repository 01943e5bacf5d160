import type { ImageFormat } from './image-config.js';

/**
 * What a platform gives the image endpoint: the optimizer (resize and encode, with its cache).
 * The runtime validates the request and loads the source through its guards; the service never
 * sees a URL it has not checked. Node's is `createImageOptimizer()` from `@nexxo/adapter-node`.
 */
export interface ImageService {
  /**
   * The image `job` asks for, from the service's cache or made from `job.loadSource()`. A type
   * the service does not transform (SVG, ICO, an animation) is returned as it is. Concurrent
   * jobs with the same `cacheKey` should share one piece of work.
   */
  optimize(job: ImageJob): Promise<OptimizedImage>;
  /**
   * Fetches a remote source (one hop: redirects come back as responses). Default: the global
   * `fetch`. A platform that can resolve host names should refuse private addresses here unless
   * `allowLocalIP`, so a public name pointing at an internal address is refused too.
   */
  fetch?(url: URL, init: { signal: AbortSignal; allowLocalIP: boolean }): Promise<Response>;
}

export interface ImageJob {
  /** Identifies the result: the source and its version, the width, the quality and the format. */
  cacheKey: string;
  width: number;
  quality: number;
  /** The format to encode to; null keeps the source's format. */
  format: ImageFormat | null;
  /** Seconds a result stays fresh at least (`images.minimumCacheTTL`). */
  minimumCacheTTL: number;
  /** The source, through the runtime's guards; throws an ImageError (400, 404, 413, 504…). */
  loadSource(): Promise<ImageSource>;
}

export interface ImageSource {
  bytes: Uint8Array;
  /** Sniffed from the bytes. */
  contentType: string;
  /** Seconds the source says it may be cached (its `Cache-Control`), 0 if it does not say. */
  maxAge: number;
}

export interface OptimizedImage {
  bytes: Uint8Array;
  contentType: string;
  /** A strong validator of `bytes`, without quotes. */
  etag: string;
  /** Seconds the result may be cached. */
  maxAge: number;
}
