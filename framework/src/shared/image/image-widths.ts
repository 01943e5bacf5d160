import type { ImageComponentConfig } from './image-types.js';

/**
 * The widths to put in the srcset. With `sizes`, every configured width from the smallest the
 * smallest `vw` value could need (`w` descriptors); with a fixed width, the configured widths that
 * cover 1x and 2x screens (`x` descriptors); with neither (fill without sizes), the device sizes.
 */
export function srcsetWidths(config: ImageComponentConfig, width: number | undefined, sizes: string | undefined): { widths: number[]; kind: 'w' | 'x' } {
  const all = [...config.imageSizes, ...config.deviceSizes].sort((a, b) => a - b);
  if (sizes) {
    const viewportPercents = [...sizes.matchAll(/(?:^|\s)(1?\d?\d)vw/g)].map((match) => Number(match[1]));
    if (viewportPercents.length === 0) return { widths: all, kind: 'w' };
    const smallest = config.deviceSizes[0]! * (Math.min(...viewportPercents) / 100);
    return { widths: all.filter((size) => size >= smallest), kind: 'w' };
  }
  if (width === undefined) return { widths: config.deviceSizes, kind: 'w' };
  // The smallest configured width that is at least 1x (and 2x) the rendered width, else the largest.
  const atLeast = (target: number) => all.find((size) => size >= target) ?? all[all.length - 1]!;
  return { widths: [...new Set([atLeast(width), atLeast(width * 2)])], kind: 'x' };
}
