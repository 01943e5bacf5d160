import { IMAGE_ENDPOINT_DEFAULTS } from '@nexxo/runtime';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { NexxoConfigError } from './config-error.js';
import type { ImagesConfig, RemotePattern, ResolvedImagesConfig } from './image-config-types.js';
import { remotePatternFromUrl } from './remote-pattern.js';

/** Next.js 16's defaults: the endpoint's (shared with the runtime), plus what the component needs. */
export const IMAGE_DEFAULTS: Readonly<ResolvedImagesConfig> = Object.freeze<ResolvedImagesConfig>({
  ...IMAGE_ENDPOINT_DEFAULTS,
  unoptimized: false,
  loader: 'default',
  loaderFile: null,
  path: '/_next/image',
});

/** `images` with defaults filled in, URL patterns as objects and `loaderFile` absolute. */
export function resolveImages(images: ImagesConfig = {}, root: string, label: string): ResolvedImagesConfig {
  // A deep copy: a build that edits its config must not change the defaults of the next load.
  const resolved: Record<string, unknown> = structuredClone(IMAGE_DEFAULTS);
  for (const [key, value] of Object.entries(images)) {
    if (value !== undefined) resolved[key] = Array.isArray(value) ? [...(value as unknown[])] : value;
  }
  const loaderFile = images.loaderFile ? resolve(root, images.loaderFile) : null;
  if (loaderFile && !existsSync(loaderFile)) {
    throw new NexxoConfigError(
      `\`images.loaderFile\` in ${label} is '${images.loaderFile}', but ${loaderFile} does not exist. ` +
        `Give the loader module's path relative to the app's folder, e.g. './image-loader.ts'.`,
    );
  }
  const bySize = (a: number, b: number) => a - b;
  return {
    ...(resolved as unknown as ResolvedImagesConfig),
    // Sorted once here so every reader can pick "the smallest size that fits" without sorting.
    deviceSizes: [...(images.deviceSizes ?? IMAGE_DEFAULTS.deviceSizes)].sort(bySize),
    imageSizes: [...(images.imageSizes ?? IMAGE_DEFAULTS.imageSizes)].sort(bySize),
    qualities: [...(images.qualities ?? IMAGE_DEFAULTS.qualities)].sort(bySize),
    remotePatterns: (images.remotePatterns ?? []).map((pattern): RemotePattern => (typeof pattern === 'string' || pattern instanceof URL ? remotePatternFromUrl(pattern)! : { ...pattern })),
    localPatterns: images.localPatterns?.map((pattern) => ({ ...pattern })) ?? null,
    // As in Next.js, a loader file makes the loader custom without saying so twice.
    loader: loaderFile ? 'custom' : (images.loader ?? 'default'),
    loaderFile,
  };
}
