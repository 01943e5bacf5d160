import { googleFontFamilies, type GoogleFontFamily } from './google-font-data.js';
import { checkDisplay, checkKnownOptions, checkVariable, FontOptionsError, listOf, stringList, type FontDisplay } from './font-options.js';

/** A `nexxo/font/google` call's options, checked against the family and completed with defaults. */
export interface GoogleFontRequest {
  family: GoogleFontFamily;
  /** `['variable']` or static weights. */
  weights: string[];
  styles: Array<'normal' | 'italic'>;
  subsets: string[];
  display: FontDisplay;
  preload: boolean;
  /** Extra variable axes to download (`weights` is `['variable']`). */
  axes: string[];
  fallback: string[];
  adjustFontFallback: boolean;
  variable: string | undefined;
}

const OPTIONS = ['weight', 'style', 'subsets', 'display', 'preload', 'axes', 'fallback', 'adjustFontFallback', 'variable'];

/** Checks the options of e.g. `Inter({ subsets: ['latin'] })` the way Next.js does, with its messages. */
export function googleFontRequest(familyName: string, options: Record<string, unknown>): GoogleFontRequest {
  const family = googleFontFamilies.get(familyName);
  if (!family) throw new FontOptionsError(`Unknown font \`${familyName}\`. Nexxo knows the ${googleFontFamilies.size} most used Google Fonts families (see docs/fonts.md).`, 'download the font files and load them with `nexxo/font/local`.');
  checkKnownOptions(options, OPTIONS, familyName);
  const weights = stringList(options.weight, 'weight', familyName);
  const styles = stringList(options.style, 'style', familyName);
  const subsets = stringList(options.subsets, 'subsets', familyName);
  const axes = stringList(options.axes, 'axes', familyName);
  const preload = options.preload === undefined ? true : options.preload === true;
  if (options.preload !== undefined && typeof options.preload !== 'boolean') throw new FontOptionsError(`\`preload\` of font \`${familyName}\` must be true or false.`, 'write `preload: false` or leave it out.');

  if (weights.length === 0) {
    if (family.weights.includes('variable')) weights.push('variable');
    else if (family.weights.length === 1) weights.push(family.weights[0]!);
    else throw new FontOptionsError(`Missing weight for font \`${familyName}\`.\nAvailable weights: ${listOf(family.weights)}`, "add `weight: '400'` (or an array of weights).");
  }
  for (const weight of weights) {
    if (!family.weights.includes(weight)) throw new FontOptionsError(`Unknown weight \`${weight}\` for font \`${familyName}\`.\nAvailable weights: ${listOf(family.weights)}`, 'use one of the available weights.');
  }
  if (weights.length > 1 && weights.includes('variable')) throw new FontOptionsError(`Unexpected \`variable\` in weight array for font \`${familyName}\`. You only need \`variable\`, it includes all available weights.`, "write `weight: 'variable'` alone.");

  if (styles.length === 0) styles.push(family.styles.length === 1 ? family.styles[0]! : 'normal');
  for (const style of styles) {
    if (!family.styles.includes(style as 'normal')) throw new FontOptionsError(`Unknown style \`${style}\` for font \`${familyName}\`.\nAvailable styles: ${listOf(family.styles)}`, 'use one of the available styles.');
  }

  for (const subset of subsets) {
    if (!family.subsets.includes(subset)) throw new FontOptionsError(`Unknown subset \`${subset}\` for font \`${familyName}\`.\nAvailable subsets: ${listOf(family.subsets)}`, 'use one of the available subsets.');
  }
  if (preload && subsets.length === 0)
    throw new FontOptionsError(`Preload is enabled but no subsets were specified for font \`${familyName}\`. Please specify subsets or disable preloading if your intended subset can't be preloaded.\nAvailable subsets: ${listOf(family.subsets)}`, "add `subsets: ['latin']`, or `preload: false`.");

  if (axes.length > 0) {
    const extra = family.axes.map((axis) => axis.tag).filter((tag) => tag !== 'wght');
    if (weights[0] !== 'variable') throw new FontOptionsError(`Axes can only be defined for variable fonts.`, "leave out `weight` (or write `weight: 'variable'`) to use `axes`.");
    if (extra.length === 0) throw new FontOptionsError(`Font \`${familyName}\` has no definable \`axes\`.`, 'remove `axes`.');
    for (const axis of axes) {
      if (!extra.includes(axis)) throw new FontOptionsError(`Invalid axes value \`${axis}\` for font \`${familyName}\`.\nAvailable axes: ${listOf(extra)}`, 'use one of the available axes.');
    }
  }

  if (options.adjustFontFallback !== undefined && typeof options.adjustFontFallback !== 'boolean')
    throw new FontOptionsError(`\`adjustFontFallback\` of font \`${familyName}\` must be true or false.`, 'write `adjustFontFallback: false` or leave it out.');
  return {
    family,
    weights,
    styles: styles as GoogleFontRequest['styles'],
    subsets,
    display: checkDisplay(options.display, familyName),
    preload,
    axes,
    fallback: stringList(options.fallback, 'fallback', familyName),
    adjustFontFallback: options.adjustFontFallback !== false,
    variable: checkVariable(options.variable, familyName),
  };
}

/**
 * The css2 API URL for a request, as Next.js builds it, e.g.
 * `https://fonts.googleapis.com/css2?family=Roboto+Mono:ital,wght@0,400;1,400&display=swap`.
 */
export function googleFontsUrl(request: GoogleFontRequest): string {
  const { family, weights, styles } = request;
  const italics = styles.includes('italic') ? [...(styles.includes('normal') ? ['0'] : []), '1'] : null;
  let wghts: string[] | null = weights;
  let extraAxes: Array<[string, string]> = [];
  if (weights[0] === 'variable') {
    const wght = family.axes.find((axis) => axis.tag === 'wght');
    wghts = wght ? [`${wght.min}..${wght.max}`] : null;
    extraAxes = family.axes.filter((axis) => request.axes.includes(axis.tag)).map((axis) => [axis.tag, `${axis.min}..${axis.max}`]);
  }
  const variants: Array<Array<[string, string]>> = [];
  for (const wght of wghts ?? []) {
    if (!italics) variants.push([['wght', wght], ...extraAxes]);
    else for (const ital of italics) variants.push([['ital', ital], ['wght', wght], ...extraAxes]);
  }
  if (!wghts && extraAxes.length > 0) variants.push(extraAxes);
  // Google wants axis tags in order: lowercase ones first, each group alphabetically.
  for (const variant of variants) variant.sort(([a], [b]) => axisOrder(a) - axisOrder(b) || (a < b ? -1 : a > b ? 1 : 0));
  let url = `https://fonts.googleapis.com/css2?family=${family.family.replaceAll(' ', '+')}`;
  if (variants.length > 0) url += `:${variants[0]!.map(([tag]) => tag).join(',')}@${variants.map((variant) => variant.map(([, value]) => value).join(',')).sort().join(';')}`;
  return `${url}&display=${request.display}`;
}

function axisOrder(tag: string): number {
  return /^[a-z]/.test(tag) ? 0 : 1;
}
