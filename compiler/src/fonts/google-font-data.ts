/**
 * The Google Fonts families `nexxo/font/google` knows: the most used ~60 (Next.js ships the whole
 * catalogue, ~1,900 families in a 2 MB file; Nexxo keeps what most apps use and documents how to
 * use any other family through `nexxo/font/local`). The typed exports of `nexxo/font/google` are
 * generated from this list (framework/src/shared/google-fonts.ts, see its test).
 *
 * Each entry: [weights, styles, subsets, category, extra axes].
 * - weights: `100..900` is a variable font (any static weight of the range, or `'variable'`), a
 *   list such as `300 400 700` static weights only.
 * - extra axes: variable axes besides `wght` and `ital`, as `tag min..max default`.
 */
const FAMILIES: Record<string, [weights: string, styles: string, subsets: string, category: FontCategory, axes?: string]> = {
  Anton: ['400', 'normal', 'latin latin-ext vietnamese', 'sans-serif'],
  Archivo: ['100..900', 'normal italic', 'latin latin-ext vietnamese', 'sans-serif', 'wdth 62..125 100'],
  Arimo: ['400..700', 'normal italic', 'cyrillic cyrillic-ext greek greek-ext hebrew latin latin-ext vietnamese', 'sans-serif'],
  Barlow: ['100 200 300 400 500 600 700 800 900', 'normal italic', 'latin latin-ext vietnamese', 'sans-serif'],
  'Bebas Neue': ['400', 'normal', 'latin latin-ext', 'display'],
  Cabin: ['400..700', 'normal italic', 'latin latin-ext vietnamese', 'sans-serif', 'wdth 75..100 100'],
  Caveat: ['400..700', 'normal', 'cyrillic cyrillic-ext latin latin-ext', 'handwriting'],
  Comfortaa: ['300..700', 'normal', 'cyrillic cyrillic-ext greek latin latin-ext vietnamese', 'display'],
  'Cormorant Garamond': ['300 400 500 600 700', 'normal italic', 'cyrillic cyrillic-ext latin latin-ext vietnamese', 'serif'],
  'Crimson Text': ['400 600 700', 'normal italic', 'latin latin-ext vietnamese', 'serif'],
  'Dancing Script': ['400..700', 'normal', 'latin latin-ext vietnamese', 'handwriting'],
  'DM Sans': ['100..1000', 'normal italic', 'latin latin-ext', 'sans-serif', 'opsz 9..40 14'],
  'EB Garamond': ['400..800', 'normal italic', 'cyrillic cyrillic-ext greek greek-ext latin latin-ext vietnamese', 'serif'],
  Figtree: ['300..900', 'normal italic', 'latin latin-ext', 'sans-serif'],
  'Fira Code': ['300..700', 'normal', 'cyrillic cyrillic-ext greek greek-ext latin latin-ext', 'monospace'],
  'Fira Sans': ['100 200 300 400 500 600 700 800 900', 'normal italic', 'cyrillic cyrillic-ext greek greek-ext latin latin-ext vietnamese', 'sans-serif'],
  Geist: ['100..900', 'normal', 'cyrillic latin latin-ext', 'sans-serif'],
  'Geist Mono': ['100..900', 'normal', 'cyrillic latin latin-ext', 'monospace'],
  Heebo: ['100..900', 'normal', 'hebrew latin latin-ext', 'sans-serif'],
  Hind: ['300 400 500 600 700', 'normal', 'devanagari latin latin-ext', 'sans-serif'],
  'IBM Plex Mono': ['100 200 300 400 500 600 700', 'normal italic', 'cyrillic cyrillic-ext latin latin-ext vietnamese', 'monospace'],
  'IBM Plex Sans': ['100 200 300 400 500 600 700', 'normal italic', 'cyrillic cyrillic-ext greek latin latin-ext vietnamese', 'sans-serif'],
  Inconsolata: ['200..900', 'normal', 'latin latin-ext vietnamese', 'monospace', 'wdth 50..200 100'],
  Inter: ['100..900', 'normal italic', 'cyrillic cyrillic-ext greek greek-ext latin latin-ext vietnamese', 'sans-serif', 'opsz 14..32 14'],
  'Instrument Sans': ['400..700', 'normal italic', 'latin latin-ext', 'sans-serif', 'wdth 75..100 100'],
  'Instrument Serif': ['400', 'normal italic', 'latin latin-ext', 'serif'],
  'JetBrains Mono': ['100..800', 'normal italic', 'cyrillic cyrillic-ext greek latin latin-ext vietnamese', 'monospace'],
  'Josefin Sans': ['100..700', 'normal italic', 'latin latin-ext vietnamese', 'sans-serif'],
  Kanit: ['100 200 300 400 500 600 700 800 900', 'normal italic', 'latin latin-ext thai vietnamese', 'sans-serif'],
  Karla: ['200..800', 'normal italic', 'latin latin-ext', 'sans-serif'],
  Lato: ['100 300 400 700 900', 'normal italic', 'latin latin-ext', 'sans-serif'],
  Lexend: ['100..900', 'normal', 'latin latin-ext vietnamese', 'sans-serif'],
  'Libre Baskerville': ['400 700', 'normal italic', 'latin latin-ext', 'serif'],
  Lora: ['400..700', 'normal italic', 'cyrillic cyrillic-ext latin latin-ext vietnamese', 'serif'],
  Manrope: ['200..800', 'normal', 'cyrillic cyrillic-ext greek latin latin-ext vietnamese', 'sans-serif'],
  Merriweather: ['300 400 700 900', 'normal italic', 'cyrillic cyrillic-ext latin latin-ext vietnamese', 'serif'],
  Montserrat: ['100..900', 'normal italic', 'cyrillic cyrillic-ext latin latin-ext vietnamese', 'sans-serif'],
  Mulish: ['200..1000', 'normal italic', 'cyrillic cyrillic-ext latin latin-ext vietnamese', 'sans-serif'],
  'Noto Sans': ['100..900', 'normal italic', 'cyrillic cyrillic-ext devanagari greek greek-ext latin latin-ext vietnamese', 'sans-serif', 'wdth 62.5..100 100'],
  'Noto Sans JP': ['100..900', 'normal', 'cyrillic japanese latin latin-ext vietnamese', 'sans-serif'],
  'Noto Serif': ['100..900', 'normal italic', 'cyrillic cyrillic-ext greek greek-ext latin latin-ext vietnamese', 'serif', 'wdth 62.5..100 100'],
  Nunito: ['200..1000', 'normal italic', 'cyrillic cyrillic-ext latin latin-ext vietnamese', 'sans-serif'],
  'Nunito Sans': ['200..1000', 'normal italic', 'cyrillic cyrillic-ext latin latin-ext vietnamese', 'sans-serif', 'opsz 6..12 12, wdth 75..125 100, YTLC 440..540 500'],
  'Open Sans': ['300..800', 'normal italic', 'cyrillic cyrillic-ext greek greek-ext hebrew latin latin-ext math symbols vietnamese', 'sans-serif', 'wdth 75..100 100'],
  Oswald: ['200..700', 'normal', 'cyrillic cyrillic-ext latin latin-ext vietnamese', 'sans-serif'],
  Outfit: ['100..900', 'normal', 'latin latin-ext', 'sans-serif'],
  Pacifico: ['400', 'normal', 'cyrillic cyrillic-ext latin latin-ext vietnamese', 'handwriting'],
  'Playfair Display': ['400..900', 'normal italic', 'cyrillic latin latin-ext vietnamese', 'serif'],
  'Plus Jakarta Sans': ['200..800', 'normal italic', 'cyrillic-ext latin latin-ext vietnamese', 'sans-serif'],
  Poppins: ['100 200 300 400 500 600 700 800 900', 'normal italic', 'devanagari latin latin-ext', 'sans-serif'],
  'PT Sans': ['400 700', 'normal italic', 'cyrillic cyrillic-ext latin latin-ext', 'sans-serif'],
  'PT Serif': ['400 700', 'normal italic', 'cyrillic cyrillic-ext latin latin-ext', 'serif'],
  Quicksand: ['300..700', 'normal', 'latin latin-ext vietnamese', 'sans-serif'],
  Raleway: ['100..900', 'normal italic', 'cyrillic cyrillic-ext latin latin-ext vietnamese', 'sans-serif'],
  'Red Hat Display': ['300..900', 'normal italic', 'latin latin-ext', 'sans-serif'],
  Roboto: ['100..900', 'normal italic', 'cyrillic cyrillic-ext greek greek-ext latin latin-ext math symbols vietnamese', 'sans-serif', 'wdth 75..100 100'],
  'Roboto Condensed': ['100..900', 'normal italic', 'cyrillic cyrillic-ext greek greek-ext latin latin-ext vietnamese', 'sans-serif'],
  'Roboto Mono': ['100..700', 'normal italic', 'cyrillic cyrillic-ext greek latin latin-ext vietnamese', 'monospace'],
  'Roboto Slab': ['100..900', 'normal', 'cyrillic cyrillic-ext greek greek-ext latin latin-ext vietnamese', 'serif'],
  Rubik: ['300..900', 'normal italic', 'arabic cyrillic cyrillic-ext hebrew latin latin-ext', 'sans-serif'],
  Sora: ['100..800', 'normal', 'latin latin-ext', 'sans-serif'],
  'Source Code Pro': ['200..900', 'normal italic', 'cyrillic cyrillic-ext greek greek-ext latin latin-ext vietnamese', 'monospace'],
  'Source Sans 3': ['200..900', 'normal italic', 'cyrillic cyrillic-ext greek greek-ext latin latin-ext vietnamese', 'sans-serif'],
  'Space Grotesk': ['300..700', 'normal', 'latin latin-ext vietnamese', 'sans-serif'],
  'Space Mono': ['400 700', 'normal italic', 'latin latin-ext vietnamese', 'monospace'],
  'Titillium Web': ['200 300 400 600 700 900', 'normal italic', 'latin latin-ext', 'sans-serif'],
  Ubuntu: ['300 400 500 700', 'normal italic', 'cyrillic cyrillic-ext greek greek-ext latin latin-ext', 'sans-serif'],
  Urbanist: ['100..900', 'normal italic', 'latin latin-ext', 'sans-serif'],
  'Work Sans': ['100..900', 'normal italic', 'latin latin-ext vietnamese', 'sans-serif'],
};

export type FontCategory = 'sans-serif' | 'serif' | 'monospace' | 'display' | 'handwriting';

export interface FontAxis {
  tag: string;
  min: number;
  max: number;
  defaultValue: number;
}

export interface GoogleFontFamily {
  family: string;
  /** Static weights (`'400'`…), plus `'variable'` for a variable font. */
  weights: string[];
  styles: Array<'normal' | 'italic'>;
  subsets: string[];
  category: FontCategory;
  /** Variable fonts: every axis, `wght` included (`ital` is a style). */
  axes: FontAxis[];
}

/** Every family, by name (`'Roboto Mono'`). */
export const googleFontFamilies: ReadonlyMap<string, GoogleFontFamily> = new Map(Object.entries(FAMILIES).map(([family, entry]) => [family, expand(family, entry)]));

/** The export name of a family in `nexxo/font/google` (as Next.js: spaces become underscores). */
export function exportNameOf(family: string): string {
  return family.replaceAll(' ', '_');
}

function expand(family: string, [weights, styles, subsets, category, axes]: (typeof FAMILIES)[string]): GoogleFontFamily {
  const range = /^(\d+)\.\.(\d+)$/.exec(weights);
  const expanded: GoogleFontFamily = { family, weights: [], styles: styles.split(' ') as GoogleFontFamily['styles'], subsets: subsets.split(' '), category, axes: [] };
  if (!range) {
    expanded.weights = weights.split(' ');
    return expanded;
  }
  const [min, max] = [Number(range[1]), Number(range[2])];
  for (let weight = Math.ceil(min / 100) * 100; weight <= max; weight += 100) expanded.weights.push(String(weight));
  expanded.weights.push('variable');
  expanded.axes.push({ tag: 'wght', min, max, defaultValue: Math.min(Math.max(400, min), max) });
  for (const axis of axes?.split(', ') ?? []) {
    const [tag, bounds, defaultValue] = axis.split(' ') as [string, string, string];
    const [axisMin, axisMax] = bounds.split('..').map(Number) as [number, number];
    expanded.axes.push({ tag, min: axisMin, max: axisMax, defaultValue: Number(defaultValue) });
  }
  return expanded;
}
