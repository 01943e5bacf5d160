import type { ImageEndpointConfig } from './image-config.js';

/** Next.js's defaults, for tests. */
export function imageConfig(overrides: Partial<ImageEndpointConfig> = {}): ImageEndpointConfig {
  return {
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
    ...overrides,
  };
}
