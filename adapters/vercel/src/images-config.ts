import type { ImageEndpointConfig } from '@nexxo/runtime';

/** `config.json` `images`: what Vercel's optimizer (`/_vercel/image`) applies. */
export interface VercelImagesConfig {
  sizes: number[];
  domains: string[];
  remotePatterns: ImageEndpointConfig['remotePatterns'];
  localPatterns?: NonNullable<ImageEndpointConfig['localPatterns']>;
  qualities: number[];
  minimumCacheTTL: number;
  formats: ImageEndpointConfig['formats'];
  dangerouslyAllowSVG: boolean;
  contentSecurityPolicy: string;
  contentDispositionType: 'inline' | 'attachment';
}

/**
 * The manifest's `images` as Vercel's optimizer config: the same widths (deviceSizes ∪ imageSizes),
 * qualities, patterns and headers, so `/_nexxo/image` URLs that `nexxo/image` writes are accepted
 * there exactly when the runtime's endpoint would accept them.
 */
export function vercelImagesConfig(images: ImageEndpointConfig): VercelImagesConfig {
  return {
    sizes: [...new Set([...images.imageSizes, ...images.deviceSizes])].sort((a, b) => a - b),
    // Next's `domains` is refused by nexxo.config; remotePatterns say it all.
    domains: [],
    remotePatterns: images.remotePatterns,
    ...(images.localPatterns ? { localPatterns: images.localPatterns } : {}),
    qualities: images.qualities,
    minimumCacheTTL: images.minimumCacheTTL,
    formats: images.formats,
    dangerouslyAllowSVG: images.dangerouslyAllowSVG,
    contentSecurityPolicy: images.contentSecurityPolicy,
    contentDispositionType: images.contentDispositionType,
  };
}
