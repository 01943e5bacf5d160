import { dirname, extname, relative, sep } from 'node:path';
import type { FallbackFont, FallbackOverrides } from './fallback-metrics.js';
import type { FontDisplay } from './font-options.js';

export interface FontFaceRule {
  /** Absolute path of the font file, written as a url() relative to the generated stylesheet. */
  file: string;
  /** Descriptors besides font-family, src and font-display: font-weight, unicode-range… */
  descriptors: Array<[string, string]>;
}

/** Everything the generated CSS Module of one font loader call says. */
export interface FontModule {
  /** The generated family, e.g. `__geist_8f2a1c`. */
  family: string;
  faces: FontFaceRule[];
  display: FontDisplay;
  /** Overrides of the adjusted fallback face, or null without one. */
  fallback: FallbackOverrides | null;
  /** Families after the font and its fallback (the `fallback` option). */
  fallbackFamilies: string[];
  /** Set when the call asks for one weight or style: the class sets it too. */
  weight: string | undefined;
  style: string | undefined;
  variable: string | undefined;
}

// Fonts with Arial's and Times New Roman's metrics under their own names, for systems (Linux) that
// have those instead; the overrides computed for the original apply to them unchanged.
const LOCAL_NAMES: Record<FallbackFont, string[]> = {
  Arial: ['Arial', 'Liberation Sans', 'Arimo'],
  'Times New Roman': ['Times New Roman', 'Liberation Serif', 'Tinos'],
};

const FORMATS: Record<string, string> = { '.woff2': 'woff2', '.woff': 'woff', '.ttf': 'truetype', '.otf': 'opentype', '.eot': 'embedded-opentype' };

export function fallbackFamilyOf(module: FontModule): string | null {
  return module.fallback ? module.family.replace(/_([\da-f]+)$/, '_Fallback_$1') : null;
}

/** The value of `font-family` (and of `style.fontFamily`): the font, its fallback face, the `fallback` option. */
export function fontFamilyValue(module: FontModule): string {
  const fallback = fallbackFamilyOf(module);
  return [`'${module.family}'`, ...(fallback ? [`'${fallback}'`] : []), ...module.fallbackFamilies].join(', ');
}

/**
 * A CSS Module with the `@font-face` rules, the adjusted fallback face, a `className` class that
 * sets the font and, with `variable`, a `variable` class that sets the custom property. Compiled
 * like any stylesheet: the relative url()s become hashed files under `/_nexxo/media/`.
 */
export function fontModuleCss(module: FontModule, cssFile: string): string {
  const lines: string[] = [];
  for (const face of module.faces) {
    const format = FORMATS[extname(face.file).toLowerCase()];
    lines.push(
      '@font-face {',
      `  font-family: '${module.family}';`,
      `  src: url(${JSON.stringify(relativeUrl(cssFile, face.file))})${format ? ` format('${format}')` : ''};`,
      `  font-display: ${module.display};`,
      ...face.descriptors.map(([prop, value]) => `  ${prop}: ${value};`),
      '}',
    );
  }
  const fallbackFamily = fallbackFamilyOf(module);
  if (module.fallback && fallbackFamily) {
    lines.push(
      '@font-face {',
      `  font-family: '${fallbackFamily}';`,
      `  src: ${LOCAL_NAMES[module.fallback.fallbackFont].map((name) => `local('${name}')`).join(', ')};`,
      `  ascent-override: ${module.fallback.ascentOverride};`,
      `  descent-override: ${module.fallback.descentOverride};`,
      `  line-gap-override: ${module.fallback.lineGapOverride};`,
      `  size-adjust: ${module.fallback.sizeAdjust};`,
      '}',
    );
  }
  const family = fontFamilyValue(module);
  lines.push('.className {', `  font-family: ${family};`, ...(module.weight ? [`  font-weight: ${module.weight};`] : []), ...(module.style ? [`  font-style: ${module.style};`] : []), '}');
  if (module.variable) lines.push('.variable {', `  ${module.variable}: ${family};`, '}');
  return lines.join('\n') + '\n';
}

/** `style` of the font object: what the class sets, for inline styles. */
export function fontStyleObject(module: FontModule): { fontFamily: string; fontWeight?: number; fontStyle?: string } {
  return {
    fontFamily: fontFamilyValue(module),
    ...(module.weight && /^\d+$/.test(module.weight) ? { fontWeight: Number(module.weight) } : {}),
    ...(module.style ? { fontStyle: module.style } : {}),
  };
}

function relativeUrl(from: string, to: string): string {
  return relative(dirname(from), to).split(sep).map(encodeURIComponent).join('/');
}
