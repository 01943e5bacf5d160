import { notCompiled, type CssVariable, type FontWithVariable, type LocalFontOptions } from './font-types.js';

/**
 * Loads font files of the app: at build time Nexxo generates the `@font-face` rules, an adjusted
 * fallback face (no layout shift while the font loads) and a class, and preloads the files on
 * the pages that use the font. Call it at the top level of a module, with literal options.
 * @example
 * import localFont from 'nexxo/font/local';
 * const geist = localFont({ src: './fonts/Geist.woff2', variable: '--font-geist' });
 * // <html className={geist.variable}> … <p className={geist.className}>
 */
export default function localFont<T extends CssVariable | undefined = undefined>(options: LocalFontOptions<T>): FontWithVariable<T>;
export default function localFont(): never {
  return notCompiled('localFont', 'nexxo/font/local');
}
