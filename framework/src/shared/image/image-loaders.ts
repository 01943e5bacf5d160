import type { ImageComponentConfig, ImageLoader, ImageLoaderProps } from './image-types.js';

/** The allowed quality closest to the one asked for (75 by default), as the endpoint accepts only those. */
export function closestQuality(config: ImageComponentConfig, quality: number | undefined): number {
  const wanted = quality ?? 75;
  return config.qualities.reduce((best, each) => (Math.abs(each - wanted) < Math.abs(best - wanted) ? each : best), config.qualities[0] ?? wanted);
}

/** Nexxo's endpoint: `{basePath}/_nexxo/image?url=…&w=…&q=…`. */
function endpointLoader(config: ImageComponentConfig): ImageLoader {
  return ({ src, width, quality }) => `${config.path}?url=${encodeURIComponent(src)}&w=${width}&q=${closestQuality(config, quality)}`;
}

const withoutLeadingSlash = (src: string) => (src.startsWith('/') ? src.slice(1) : src);
const base = (path: string) => (path.endsWith('/') ? path : path + '/');

/** Hosted services' URL formats; `images.path` is the service's base URL. */
const hosted: Record<'imgix' | 'cloudinary' | 'akamai', (config: ImageComponentConfig) => ImageLoader> = {
  imgix: (config) => ({ src, width, quality }) => `${base(config.path)}${withoutLeadingSlash(src)}${src.includes('?') ? '&' : '?'}auto=format&fit=max&w=${width}${quality ? `&q=${quality}` : ''}`,
  cloudinary: (config) => ({ src, width, quality }) => `${base(config.path)}f_auto,c_limit,w_${width},q_${quality ?? 'auto'}/${withoutLeadingSlash(src)}`,
  akamai: (config) => ({ src, width }) => `${base(config.path)}${withoutLeadingSlash(src)}?imwidth=${width}`,
};

/** The loader `images.loader` (or `images.loaderFile`) configures; null for `custom` without a file. */
export function configuredLoader(config: ImageComponentConfig, loaderFile: ImageLoader | null): ImageLoader | null {
  if (config.loader === 'custom') return loaderFile;
  if (config.loader === 'default') return endpointLoader(config);
  return hosted[config.loader](config);
}

export type { ImageLoaderProps };
