import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { FallbackFont } from './fallback-metrics.js';
import { checkDisplay, checkKnownOptions, checkVariable, FontOptionsError, listOf, stringList, type FontDisplay } from './font-options.js';

export interface LocalFontFile {
  /** As written in `src`. */
  path: string;
  /** Absolute path. */
  file: string;
  weight: string | undefined;
  style: string | undefined;
}

/** A `nexxo/font/local` call's options, checked and completed with defaults. */
export interface LocalFontRequest {
  files: LocalFontFile[];
  display: FontDisplay;
  weight: string | undefined;
  style: string | undefined;
  variable: string | undefined;
  fallback: string[];
  adjustFontFallback: FallbackFont | false;
  preload: boolean;
  declarations: Array<{ prop: string; value: string }>;
}

const OPTIONS = ['src', 'display', 'weight', 'style', 'variable', 'fallback', 'adjustFontFallback', 'preload', 'declarations'];
const FONT_FILE = /\.(woff2?|eot|ttf|otf)$/i;
// Descriptors Nexxo writes itself: a declaration may not replace them.
const RESERVED = ['src', 'font-family', 'font-display', 'font-weight', 'font-style'];

/** Checks `localFont({ src, … })` like Next.js; font paths resolve from the file that calls it. */
export function localFontRequest(options: Record<string, unknown>, callerFile: string): LocalFontRequest {
  const name = 'localFont';
  checkKnownOptions(options, OPTIONS, name);
  const { src } = options;
  if (src === undefined) throw new FontOptionsError('Missing required `src` in call to `localFont`.', "add `src: './my-font.woff2'` (a path relative to this file) or an array of `{ path, weight, style }`.");
  const entries = typeof src === 'string' ? [{ path: src }] : Array.isArray(src) ? src : null;
  if (!entries || entries.length === 0) throw new FontOptionsError('`src` of `localFont` must be a path or a non-empty array of `{ path, weight, style }`.', "write `src: './my-font.woff2'`.");
  const files = entries.map((entry): LocalFontFile => {
    if (typeof entry !== 'object' || entry === null || typeof (entry as { path?: unknown }).path !== 'string')
      throw new FontOptionsError('Each entry of `src` must be an object with a `path` (and optionally `weight` and `style`).', "write `{ path: './my-font-bold.woff2', weight: '700' }`.");
    const { path, weight, style } = entry as { path: string; weight?: unknown; style?: unknown };
    if (weight !== undefined && typeof weight !== 'string') throw new FontOptionsError(`\`weight\` of ${path} must be a string such as '400' or '100 900'.`, "write the weight in quotes: `weight: '700'`.");
    if (style !== undefined && typeof style !== 'string') throw new FontOptionsError(`\`style\` of ${path} must be a string such as 'italic'.`, "write `style: 'italic'`.");
    if (!FONT_FILE.test(path)) throw new FontOptionsError(`Unexpected file \`${path}\`: a font file ends in .woff2, .woff, .ttf, .otf or .eot.`, 'point `src` at a font file.');
    const file = resolve(dirname(callerFile), path);
    if (!existsSync(file)) throw new FontOptionsError(`The font file ${path} does not exist (looked for ${file}).`, 'correct the path: it is relative to the file that calls `localFont`.');
    return { path, file, weight, style };
  });
  const weight = stringList(options.weight, 'weight', name)[0];
  const style = stringList(options.style, 'style', name)[0];
  const declarations = options.declarations ?? [];
  if (!Array.isArray(declarations) || declarations.some((item) => typeof item?.prop !== 'string' || typeof item?.value !== 'string'))
    throw new FontOptionsError('`declarations` must be an array of `{ prop, value }` strings.', "write `declarations: [{ prop: 'ascent-override', value: '90%' }]`.");
  for (const { prop } of declarations as Array<{ prop: string }>) {
    if (RESERVED.includes(prop.toLowerCase())) throw new FontOptionsError(`Invalid declaration prop: \`${prop}\`. Nexxo writes ${listOf(RESERVED)} itself.`, 'use the matching option (`src`, `display`, `weight`, `style`) instead.');
  }
  const adjust = options.adjustFontFallback ?? 'Arial';
  if (adjust !== 'Arial' && adjust !== 'Times New Roman' && adjust !== false)
    throw new FontOptionsError(`Invalid \`adjustFontFallback\` value ${JSON.stringify(adjust)} in call to \`localFont\`.`, "use 'Arial' (the default), 'Times New Roman' or false.");
  if (options.preload !== undefined && typeof options.preload !== 'boolean') throw new FontOptionsError('`preload` of `localFont` must be true or false.', 'write `preload: false` or leave it out.');
  return {
    files,
    display: checkDisplay(options.display, name),
    weight,
    style,
    variable: checkVariable(options.variable, name),
    fallback: stringList(options.fallback, 'fallback', name),
    adjustFontFallback: adjust,
    preload: options.preload !== false,
    declarations: declarations as Array<{ prop: string; value: string }>,
  };
}

/**
 * The file whose metrics the fallback font imitates: the one nearest to regular weight (400),
 * a normal style before an italic one, the thinner one on a tie (the same choice as Next.js).
 */
export function fileForFallback<T extends { weight?: string | undefined; style?: string | undefined }>(files: T[]): T {
  const distance = (weight: string | undefined) => {
    if (!weight) return 0;
    const [low, high] = weight.trim().split(/\s+/).map((value) => (value === 'normal' ? 400 : value === 'bold' ? 700 : Number(value)));
    if (low === undefined || Number.isNaN(low)) return 0;
    if (high === undefined || Number.isNaN(high)) return low - 400;
    return low <= 400 && high >= 400 ? 0 : low > 400 ? low - 400 : high - 400;
  };
  return files.reduce((best, current) => {
    const [bestDistance, currentDistance] = [distance(best.weight), distance(current.weight)];
    if (bestDistance === currentDistance) return (current.style ?? 'normal') === 'normal' && (best.style ?? 'normal') !== 'normal' ? current : best;
    if (Math.abs(currentDistance) !== Math.abs(bestDistance)) return Math.abs(currentDistance) < Math.abs(bestDistance) ? current : best;
    return currentDistance < bestDistance ? current : best;
  });
}
