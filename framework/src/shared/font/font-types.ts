/** A CSS custom property name, for the `variable` option. */
export type CssVariable = `--${string}`;

/** `font-display` of the generated `@font-face` rules. */
export type Display = 'auto' | 'block' | 'swap' | 'fallback' | 'optional';

/** What a font loader returns (the same shape as Next.js's `NextFont`). */
export interface NextFont {
  /** A class that sets `font-family` (and `font-weight`/`font-style` when the call names one). */
  className: string;
  /** The same as an inline style. */
  style: { fontFamily: string; fontWeight?: number; fontStyle?: string };
}

/** A font loaded with `variable`: `variable` is a class that sets the CSS custom property. */
export interface NextFontWithVariable extends NextFont {
  variable: string;
}

export type FontWithVariable<T extends CssVariable | undefined> = T extends undefined ? NextFont : NextFontWithVariable;

/** Options of `localFont()` from `nexxo/font/local`. */
export interface LocalFontOptions<T extends CssVariable | undefined = undefined> {
  /** A font file relative to the calling file, or several with their weight and style. */
  src: string | Array<{ path: string; weight?: string; style?: string }>;
  /** Default `'swap'`. */
  display?: Display;
  /** The weight of every file (`'400'`, or a range `'100 900'` for a variable font). */
  weight?: string;
  style?: string;
  /** Families to try after the font and its adjusted fallback. */
  fallback?: string[];
  /** The local font the fallback face imitates the font with (default `'Arial'`), or false for none. */
  adjustFontFallback?: 'Arial' | 'Times New Roman' | false;
  /** Preload the font files on the pages that use the font. Default true. */
  preload?: boolean;
  /** A CSS custom property that `font.variable` sets (`'--font-sans'`). */
  variable?: T;
  /** More descriptors for each `@font-face` rule (`{ prop: 'ascent-override', value: '90%' }`). */
  declarations?: Array<{ prop: string; value: string }>;
}

/** Options of a Google font (`Inter({ … })` from `nexxo/font/google`). */
export interface GoogleFontOptions<Weight extends string, Style extends string, Subset extends string, Axis extends string, T extends CssVariable | undefined> {
  weight?: Weight | Weight[];
  style?: Style | Style[];
  /** The subsets whose files are preloaded; required unless `preload: false`. */
  subsets?: Subset[];
  /** Default `'swap'`. */
  display?: Display;
  /** Preload the files of `subsets` on the pages that use the font. Default true. */
  preload?: boolean;
  /** Variable fonts: axes to download besides the weight. */
  axes?: Axis[];
  fallback?: string[];
  /** Adjust a local fallback font (Arial, or Times New Roman for serif families) to the font's metrics. Default true. */
  adjustFontFallback?: boolean;
  variable?: T;
}

/** A Google font that has a default weight (a variable font, or a single weight). */
export type GoogleFontLoader<Weight extends string, Style extends string, Subset extends string, Axis extends string = never> = <T extends CssVariable | undefined = undefined>(
  options?: GoogleFontOptions<Weight, Style, Subset, Axis, T>,
) => FontWithVariable<T>;

/** A Google font with static weights only: `weight` is required. */
export type GoogleFontLoaderWithWeight<Weight extends string, Style extends string, Subset extends string> = <T extends CssVariable | undefined = undefined>(
  options: GoogleFontOptions<Weight, Style, Subset, never, T> & { weight: Weight | Weight[] },
) => FontWithVariable<T>;

/** The stand-in that runs when a call was not compiled (see the fonts plugin of @nexxo/compiler). */
export function notCompiled(name: string, source: string): never {
  throw new Error(
    `${name}() from "${source}" ran without being compiled. Nexxo replaces font loader calls at build time, which needs the call at the top level of a module that Nexxo bundles, assigned to a const: \`const font = ${name}({ … })\`.`,
  );
}
