import type { ImageEndpointConfig } from '@nexxo/runtime';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { IMAGE_DEFAULTS, NexxoConfigError, type ResolvedConfig, type ResolvedImagesConfig } from '../config/index.js';
import type { ImageComponentConfig } from '../shared/image/image-types.js';

/** The endpoint `<Image>`'s default loader points at, inside the base path (served by @nexxo/runtime). */
export const IMAGE_ENDPOINT_PATH = '/_nexxo/image';

/**
 * What `<Image>` reads of the config, inlined as `process.env.__NEXXO_IMAGES` into all three
 * environments so the server render and the browser build the same srcset.
 */
export function imageDefines(config: ResolvedConfig): Record<string, string> {
  const { images } = config;
  const component: ImageComponentConfig = {
    deviceSizes: images.deviceSizes,
    imageSizes: images.imageSizes,
    qualities: images.qualities,
    unoptimized: images.unoptimized,
    dangerouslyAllowSVG: images.dangerouslyAllowSVG,
    loader: images.loader,
    // Next.js's default `path` names its own endpoint; any other value is the user's optimizer or CDN.
    path: images.path === IMAGE_DEFAULTS.path ? config.routing.basePath + IMAGE_ENDPOINT_PATH : images.path,
  };
  return { 'process.env.__NEXXO_IMAGES': JSON.stringify(JSON.stringify(component)) };
}

/** `virtual:nexxo/image-loader`: the default export of `images.loaderFile`, or null. */
export function imageLoaderModule(config: ResolvedConfig): string {
  const file = config.images.loaderFile;
  if (!file) return 'export default null;\n';
  // Next.js asks for "use client" in a loader file because its <Image> is a client component;
  // Nexxo's also renders in server components, where a client reference cannot be called.
  if (/^\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*(['"])use client\1/.test(readFileSync(file, 'utf8'))) {
    throw new NexxoConfigError(
      `${relative(config.root, file)} (images.loaderFile) starts with "use client", but the loader also runs in server components, where <Image> renders too.\n  Fix: remove the "use client" line; the loader is a plain function and runs on the server and in the browser.`,
    );
  }
  return `export { default } from ${JSON.stringify(file)};\n`;
}

/** The manifest's `images`: what the endpoint applies, without the parts only the component reads. */
export function imageEndpointConfig(images: ResolvedImagesConfig): ImageEndpointConfig {
  return {
    deviceSizes: images.deviceSizes,
    imageSizes: images.imageSizes,
    formats: images.formats,
    qualities: images.qualities,
    minimumCacheTTL: images.minimumCacheTTL,
    dangerouslyAllowSVG: images.dangerouslyAllowSVG,
    dangerouslyAllowLocalIP: images.dangerouslyAllowLocalIP,
    contentSecurityPolicy: images.contentSecurityPolicy,
    contentDispositionType: images.contentDispositionType,
    remotePatterns: images.remotePatterns,
    localPatterns: images.localPatterns,
    maximumRedirects: images.maximumRedirects,
    maximumResponseBody: images.maximumResponseBody,
  };
}
