import type { FontMetrics } from './font-metrics.js';

export type FallbackFont = 'Arial' | 'Times New Roman';

/** The `@font-face` overrides that make a local fallback font take the web font's space. */
export interface FallbackOverrides {
  fallbackFont: FallbackFont;
  ascentOverride: string;
  descentOverride: string;
  lineGapOverride: string;
  sizeAdjust: string;
}

// Average advance of the sample text (see font-metrics.ts) in the fallback fonts, as Next.js measures it.
const FALLBACKS: Record<FallbackFont, { averageWidth: number; unitsPerEm: number }> = {
  Arial: { averageWidth: 934.5116279069767, unitsPerEm: 2048 },
  'Times New Roman': { averageWidth: 854.3953488372093, unitsPerEm: 2048 },
};

/**
 * Scales the fallback font so its letters are as wide as the web font's on average
 * (`size-adjust`), then sets its ascent, descent and line gap to the web font's, so text laid out
 * in the fallback takes the same space and nothing moves when the web font arrives.
 * Same formula as Next.js, so an app's layout is the same after moving from next/font.
 */
export function fallbackOverrides(metrics: FontMetrics, fallbackFont: FallbackFont): FallbackOverrides {
  const fallback = FALLBACKS[fallbackFont];
  const sizeAdjust = metrics.averageWidth ? metrics.averageWidth / metrics.unitsPerEm / (fallback.averageWidth / fallback.unitsPerEm) : 1;
  const scaled = (value: number) => percent(value / (metrics.unitsPerEm * sizeAdjust));
  return {
    fallbackFont,
    ascentOverride: scaled(metrics.ascent),
    descentOverride: scaled(metrics.descent),
    lineGapOverride: scaled(metrics.lineGap),
    sizeAdjust: percent(sizeAdjust),
  };
}

function percent(value: number): string {
  return `${Math.abs(value * 100).toFixed(2)}%`;
}
