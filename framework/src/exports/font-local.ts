export { default } from '../shared/font/local-font.js';
export type { LocalFontOptions, NextFont, NextFontWithVariable, CssVariable, Display } from '../shared/font/font-types.js';
