import { IMAGE_ENDPOINT_DEFAULTS, type ImageEndpointConfig } from './image-config.js';

/** Next.js's defaults with some overrides, for tests. */
export function imageConfig(overrides: Partial<ImageEndpointConfig> = {}): ImageEndpointConfig {
  return { ...structuredClone(IMAGE_ENDPOINT_DEFAULTS), ...overrides };
}
