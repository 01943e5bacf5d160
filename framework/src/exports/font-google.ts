export * from '../shared/font/google-fonts.js';
export type { GoogleFontOptions, NextFont, NextFontWithVariable, CssVariable, Display } from '../shared/font/font-types.js';
