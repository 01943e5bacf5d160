// Generated from compiler/src/fonts/google-font-data.ts by google-fonts.test.ts: edit the list there,
// then run `npx vitest run framework/src/shared/font -u` to rewrite this file.
import { googleFont } from './google-font.js';
import type { GoogleFontLoader, GoogleFontLoaderWithWeight } from './font-types.js';

/** Anton (sans-serif) from Google Fonts, self-hosted. */
export const Anton: GoogleFontLoader<'400', 'normal', 'latin' | 'latin-ext' | 'vietnamese'> = googleFont('Anton');
/** Archivo (sans-serif) from Google Fonts, self-hosted. */
export const Archivo: GoogleFontLoader<'100' | '200' | '300' | '400' | '500' | '600' | '700' | '800' | '900' | 'variable', 'normal' | 'italic', 'latin' | 'latin-ext' | 'vietnamese', 'wdth'> = googleFont('Archivo');
/** Arimo (sans-serif) from Google Fonts, self-hosted. */
export const Arimo: GoogleFontLoader<'400' | '500' | '600' | '700' | 'variable', 'normal' | 'italic', 'cyrillic' | 'cyrillic-ext' | 'greek' | 'greek-ext' | 'hebrew' | 'latin' | 'latin-ext' | 'vietnamese'> = googleFont('Arimo');
/** Barlow (sans-serif) from Google Fonts, self-hosted. */
export const Barlow: GoogleFontLoaderWithWeight<'100' | '200' | '300' | '400' | '500' | '600' | '700' | '800' | '900', 'normal' | 'italic', 'latin' | 'latin-ext' | 'vietnamese'> = googleFont('Barlow');
/** Bebas Neue (display) from Google Fonts, self-hosted. */
export const Bebas_Neue: GoogleFontLoader<'400', 'normal', 'latin' | 'latin-ext'> = googleFont('Bebas_Neue');
/** Cabin (sans-serif) from Google Fonts, self-hosted. */
export const Cabin: GoogleFontLoader<'400' | '500' | '600' | '700' | 'variable', 'normal' | 'italic', 'latin' | 'latin-ext' | 'vietnamese', 'wdth'> = googleFont('Cabin');
/** Caveat (handwriting) from Google Fonts, self-hosted. */
export const Caveat: GoogleFontLoader<'400' | '500' | '600' | '700' | 'variable', 'normal', 'cyrillic' | 'cyrillic-ext' | 'latin' | 'latin-ext'> = googleFont('Caveat');
/** Comfortaa (display) from Google Fonts, self-hosted. */
export const Comfortaa: GoogleFontLoader<'300' | '400' | '500' | '600' | '700' | 'variable', 'normal', 'cyrillic' | 'cyrillic-ext' | 'greek' | 'latin' | 'latin-ext' | 'vietnamese'> = googleFont('Comfortaa');
/** Cormorant Garamond (serif) from Google Fonts, self-hosted. */
export const Cormorant_Garamond: GoogleFontLoaderWithWeight<'300' | '400' | '500' | '600' | '700', 'normal' | 'italic', 'cyrillic' | 'cyrillic-ext' | 'latin' | 'latin-ext' | 'vietnamese'> = googleFont('Cormorant_Garamond');
/** Crimson Text (serif) from Google Fonts, self-hosted. */
export const Crimson_Text: GoogleFontLoaderWithWeight<'400' | '600' | '700', 'normal' | 'italic', 'latin' | 'latin-ext' | 'vietnamese'> = googleFont('Crimson_Text');
/** Dancing Script (handwriting) from Google Fonts, self-hosted. */
export const Dancing_Script: GoogleFontLoader<'400' | '500' | '600' | '700' | 'variable', 'normal', 'latin' | 'latin-ext' | 'vietnamese'> = googleFont('Dancing_Script');
/** DM Sans (sans-serif) from Google Fonts, self-hosted. */
export const DM_Sans: GoogleFontLoader<'100' | '200' | '300' | '400' | '500' | '600' | '700' | '800' | '900' | '1000' | 'variable', 'normal' | 'italic', 'latin' | 'latin-ext', 'opsz'> = googleFont('DM_Sans');
/** EB Garamond (serif) from Google Fonts, self-hosted. */
export const EB_Garamond: GoogleFontLoader<'400' | '500' | '600' | '700' | '800' | 'variable', 'normal' | 'italic', 'cyrillic' | 'cyrillic-ext' | 'greek' | 'greek-ext' | 'latin' | 'latin-ext' | 'vietnamese'> = googleFont('EB_Garamond');
/** Figtree (sans-serif) from Google Fonts, self-hosted. */
export const Figtree: GoogleFontLoader<'300' | '400' | '500' | '600' | '700' | '800' | '900' | 'variable', 'normal' | 'italic', 'latin' | 'latin-ext'> = googleFont('Figtree');
/** Fira Code (monospace) from Google Fonts, self-hosted. */
export const Fira_Code: GoogleFontLoader<'300' | '400' | '500' | '600' | '700' | 'variable', 'normal', 'cyrillic' | 'cyrillic-ext' | 'greek' | 'greek-ext' | 'latin' | 'latin-ext'> = googleFont('Fira_Code');
/** Fira Sans (sans-serif) from Google Fonts, self-hosted. */
export const Fira_Sans: GoogleFontLoaderWithWeight<'100' | '200' | '300' | '400' | '500' | '600' | '700' | '800' | '900', 'normal' | 'italic', 'cyrillic' | 'cyrillic-ext' | 'greek' | 'greek-ext' | 'latin' | 'latin-ext' | 'vietnamese'> = googleFont('Fira_Sans');
/** Geist (sans-serif) from Google Fonts, self-hosted. */
export const Geist: GoogleFontLoader<'100' | '200' | '300' | '400' | '500' | '600' | '700' | '800' | '900' | 'variable', 'normal', 'cyrillic' | 'latin' | 'latin-ext'> = googleFont('Geist');
/** Geist Mono (monospace) from Google Fonts, self-hosted. */
export const Geist_Mono: GoogleFontLoader<'100' | '200' | '300' | '400' | '500' | '600' | '700' | '800' | '900' | 'variable', 'normal', 'cyrillic' | 'latin' | 'latin-ext'> = googleFont('Geist_Mono');
/** Heebo (sans-serif) from Google Fonts, self-hosted. */
export const Heebo: GoogleFontLoader<'100' | '200' | '300' | '400' | '500' | '600' | '700' | '800' | '900' | 'variable', 'normal', 'hebrew' | 'latin' | 'latin-ext'> = googleFont('Heebo');
/** Hind (sans-serif) from Google Fonts, self-hosted. */
export const Hind: GoogleFontLoaderWithWeight<'300' | '400' | '500' | '600' | '700', 'normal', 'devanagari' | 'latin' | 'latin-ext'> = googleFont('Hind');
/** IBM Plex Mono (monospace) from Google Fonts, self-hosted. */
export const IBM_Plex_Mono: GoogleFontLoaderWithWeight<'100' | '200' | '300' | '400' | '500' | '600' | '700', 'normal' | 'italic', 'cyrillic' | 'cyrillic-ext' | 'latin' | 'latin-ext' | 'vietnamese'> = googleFont('IBM_Plex_Mono');
/** IBM Plex Sans (sans-serif) from Google Fonts, self-hosted. */
export const IBM_Plex_Sans: GoogleFontLoaderWithWeight<'100' | '200' | '300' | '400' | '500' | '600' | '700', 'normal' | 'italic', 'cyrillic' | 'cyrillic-ext' | 'greek' | 'latin' | 'latin-ext' | 'vietnamese'> = googleFont('IBM_Plex_Sans');
/** Inconsolata (monospace) from Google Fonts, self-hosted. */
export const Inconsolata: GoogleFontLoader<'200' | '300' | '400' | '500' | '600' | '700' | '800' | '900' | 'variable', 'normal', 'latin' | 'latin-ext' | 'vietnamese', 'wdth'> = googleFont('Inconsolata');
/** Inter (sans-serif) from Google Fonts, self-hosted. */
export const Inter: GoogleFontLoader<'100' | '200' | '300' | '400' | '500' | '600' | '700' | '800' | '900' | 'variable', 'normal' | 'italic', 'cyrillic' | 'cyrillic-ext' | 'greek' | 'greek-ext' | 'latin' | 'latin-ext' | 'vietnamese', 'opsz'> = googleFont('Inter');
/** Instrument Sans (sans-serif) from Google Fonts, self-hosted. */
export const Instrument_Sans: GoogleFontLoader<'400' | '500' | '600' | '700' | 'variable', 'normal' | 'italic', 'latin' | 'latin-ext', 'wdth'> = googleFont('Instrument_Sans');
/** Instrument Serif (serif) from Google Fonts, self-hosted. */
export const Instrument_Serif: GoogleFontLoader<'400', 'normal' | 'italic', 'latin' | 'latin-ext'> = googleFont('Instrument_Serif');
/** JetBrains Mono (monospace) from Google Fonts, self-hosted. */
export const JetBrains_Mono: GoogleFontLoader<'100' | '200' | '300' | '400' | '500' | '600' | '700' | '800' | 'variable', 'normal' | 'italic', 'cyrillic' | 'cyrillic-ext' | 'greek' | 'latin' | 'latin-ext' | 'vietnamese'> = googleFont('JetBrains_Mono');
/** Josefin Sans (sans-serif) from Google Fonts, self-hosted. */
export const Josefin_Sans: GoogleFontLoader<'100' | '200' | '300' | '400' | '500' | '600' | '700' | 'variable', 'normal' | 'italic', 'latin' | 'latin-ext' | 'vietnamese'> = googleFont('Josefin_Sans');
/** Kanit (sans-serif) from Google Fonts, self-hosted. */
export const Kanit: GoogleFontLoaderWithWeight<'100' | '200' | '300' | '400' | '500' | '600' | '700' | '800' | '900', 'normal' | 'italic', 'latin' | 'latin-ext' | 'thai' | 'vietnamese'> = googleFont('Kanit');
/** Karla (sans-serif) from Google Fonts, self-hosted. */
export const Karla: GoogleFontLoader<'200' | '300' | '400' | '500' | '600' | '700' | '800' | 'variable', 'normal' | 'italic', 'latin' | 'latin-ext'> = googleFont('Karla');
/** Lato (sans-serif) from Google Fonts, self-hosted. */
export const Lato: GoogleFontLoaderWithWeight<'100' | '300' | '400' | '700' | '900', 'normal' | 'italic', 'latin' | 'latin-ext'> = googleFont('Lato');
/** Lexend (sans-serif) from Google Fonts, self-hosted. */
export const Lexend: GoogleFontLoader<'100' | '200' | '300' | '400' | '500' | '600' | '700' | '800' | '900' | 'variable', 'normal', 'latin' | 'latin-ext' | 'vietnamese'> = googleFont('Lexend');
/** Libre Baskerville (serif) from Google Fonts, self-hosted. */
export const Libre_Baskerville: GoogleFontLoaderWithWeight<'400' | '700', 'normal' | 'italic', 'latin' | 'latin-ext'> = googleFont('Libre_Baskerville');
/** Lora (serif) from Google Fonts, self-hosted. */
export const Lora: GoogleFontLoader<'400' | '500' | '600' | '700' | 'variable', 'normal' | 'italic', 'cyrillic' | 'cyrillic-ext' | 'latin' | 'latin-ext' | 'vietnamese'> = googleFont('Lora');
/** Manrope (sans-serif) from Google Fonts, self-hosted. */
export const Manrope: GoogleFontLoader<'200' | '300' | '400' | '500' | '600' | '700' | '800' | 'variable', 'normal', 'cyrillic' | 'cyrillic-ext' | 'greek' | 'latin' | 'latin-ext' | 'vietnamese'> = googleFont('Manrope');
/** Merriweather (serif) from Google Fonts, self-hosted. */
export const Merriweather: GoogleFontLoaderWithWeight<'300' | '400' | '700' | '900', 'normal' | 'italic', 'cyrillic' | 'cyrillic-ext' | 'latin' | 'latin-ext' | 'vietnamese'> = googleFont('Merriweather');
/** Montserrat (sans-serif) from Google Fonts, self-hosted. */
export const Montserrat: GoogleFontLoader<'100' | '200' | '300' | '400' | '500' | '600' | '700' | '800' | '900' | 'variable', 'normal' | 'italic', 'cyrillic' | 'cyrillic-ext' | 'latin' | 'latin-ext' | 'vietnamese'> = googleFont('Montserrat');
/** Mulish (sans-serif) from Google Fonts, self-hosted. */
export const Mulish: GoogleFontLoader<'200' | '300' | '400' | '500' | '600' | '700' | '800' | '900' | '1000' | 'variable', 'normal' | 'italic', 'cyrillic' | 'cyrillic-ext' | 'latin' | 'latin-ext' | 'vietnamese'> = googleFont('Mulish');
/** Noto Sans (sans-serif) from Google Fonts, self-hosted. */
export const Noto_Sans: GoogleFontLoader<'100' | '200' | '300' | '400' | '500' | '600' | '700' | '800' | '900' | 'variable', 'normal' | 'italic', 'cyrillic' | 'cyrillic-ext' | 'devanagari' | 'greek' | 'greek-ext' | 'latin' | 'latin-ext' | 'vietnamese', 'wdth'> = googleFont('Noto_Sans');
/** Noto Sans JP (sans-serif) from Google Fonts, self-hosted. */
export const Noto_Sans_JP: GoogleFontLoader<'100' | '200' | '300' | '400' | '500' | '600' | '700' | '800' | '900' | 'variable', 'normal', 'cyrillic' | 'japanese' | 'latin' | 'latin-ext' | 'vietnamese'> = googleFont('Noto_Sans_JP');
/** Noto Serif (serif) from Google Fonts, self-hosted. */
export const Noto_Serif: GoogleFontLoader<'100' | '200' | '300' | '400' | '500' | '600' | '700' | '800' | '900' | 'variable', 'normal' | 'italic', 'cyrillic' | 'cyrillic-ext' | 'greek' | 'greek-ext' | 'latin' | 'latin-ext' | 'vietnamese', 'wdth'> = googleFont('Noto_Serif');
/** Nunito (sans-serif) from Google Fonts, self-hosted. */
export const Nunito: GoogleFontLoader<'200' | '300' | '400' | '500' | '600' | '700' | '800' | '900' | '1000' | 'variable', 'normal' | 'italic', 'cyrillic' | 'cyrillic-ext' | 'latin' | 'latin-ext' | 'vietnamese'> = googleFont('Nunito');
/** Nunito Sans (sans-serif) from Google Fonts, self-hosted. */
export const Nunito_Sans: GoogleFontLoader<'200' | '300' | '400' | '500' | '600' | '700' | '800' | '900' | '1000' | 'variable', 'normal' | 'italic', 'cyrillic' | 'cyrillic-ext' | 'latin' | 'latin-ext' | 'vietnamese', 'opsz' | 'wdth' | 'YTLC'> = googleFont('Nunito_Sans');
/** Open Sans (sans-serif) from Google Fonts, self-hosted. */
export const Open_Sans: GoogleFontLoader<'300' | '400' | '500' | '600' | '700' | '800' | 'variable', 'normal' | 'italic', 'cyrillic' | 'cyrillic-ext' | 'greek' | 'greek-ext' | 'hebrew' | 'latin' | 'latin-ext' | 'math' | 'symbols' | 'vietnamese', 'wdth'> = googleFont('Open_Sans');
/** Oswald (sans-serif) from Google Fonts, self-hosted. */
export const Oswald: GoogleFontLoader<'200' | '300' | '400' | '500' | '600' | '700' | 'variable', 'normal', 'cyrillic' | 'cyrillic-ext' | 'latin' | 'latin-ext' | 'vietnamese'> = googleFont('Oswald');
/** Outfit (sans-serif) from Google Fonts, self-hosted. */
export const Outfit: GoogleFontLoader<'100' | '200' | '300' | '400' | '500' | '600' | '700' | '800' | '900' | 'variable', 'normal', 'latin' | 'latin-ext'> = googleFont('Outfit');
/** Pacifico (handwriting) from Google Fonts, self-hosted. */
export const Pacifico: GoogleFontLoader<'400', 'normal', 'cyrillic' | 'cyrillic-ext' | 'latin' | 'latin-ext' | 'vietnamese'> = googleFont('Pacifico');
/** Playfair Display (serif) from Google Fonts, self-hosted. */
export const Playfair_Display: GoogleFontLoader<'400' | '500' | '600' | '700' | '800' | '900' | 'variable', 'normal' | 'italic', 'cyrillic' | 'latin' | 'latin-ext' | 'vietnamese'> = googleFont('Playfair_Display');
/** Plus Jakarta Sans (sans-serif) from Google Fonts, self-hosted. */
export const Plus_Jakarta_Sans: GoogleFontLoader<'200' | '300' | '400' | '500' | '600' | '700' | '800' | 'variable', 'normal' | 'italic', 'cyrillic-ext' | 'latin' | 'latin-ext' | 'vietnamese'> = googleFont('Plus_Jakarta_Sans');
/** Poppins (sans-serif) from Google Fonts, self-hosted. */
export const Poppins: GoogleFontLoaderWithWeight<'100' | '200' | '300' | '400' | '500' | '600' | '700' | '800' | '900', 'normal' | 'italic', 'devanagari' | 'latin' | 'latin-ext'> = googleFont('Poppins');
/** PT Sans (sans-serif) from Google Fonts, self-hosted. */
export const PT_Sans: GoogleFontLoaderWithWeight<'400' | '700', 'normal' | 'italic', 'cyrillic' | 'cyrillic-ext' | 'latin' | 'latin-ext'> = googleFont('PT_Sans');
/** PT Serif (serif) from Google Fonts, self-hosted. */
export const PT_Serif: GoogleFontLoaderWithWeight<'400' | '700', 'normal' | 'italic', 'cyrillic' | 'cyrillic-ext' | 'latin' | 'latin-ext'> = googleFont('PT_Serif');
/** Quicksand (sans-serif) from Google Fonts, self-hosted. */
export const Quicksand: GoogleFontLoader<'300' | '400' | '500' | '600' | '700' | 'variable', 'normal', 'latin' | 'latin-ext' | 'vietnamese'> = googleFont('Quicksand');
/** Raleway (sans-serif) from Google Fonts, self-hosted. */
export const Raleway: GoogleFontLoader<'100' | '200' | '300' | '400' | '500' | '600' | '700' | '800' | '900' | 'variable', 'normal' | 'italic', 'cyrillic' | 'cyrillic-ext' | 'latin' | 'latin-ext' | 'vietnamese'> = googleFont('Raleway');
/** Red Hat Display (sans-serif) from Google Fonts, self-hosted. */
export const Red_Hat_Display: GoogleFontLoader<'300' | '400' | '500' | '600' | '700' | '800' | '900' | 'variable', 'normal' | 'italic', 'latin' | 'latin-ext'> = googleFont('Red_Hat_Display');
/** Roboto (sans-serif) from Google Fonts, self-hosted. */
export const Roboto: GoogleFontLoader<'100' | '200' | '300' | '400' | '500' | '600' | '700' | '800' | '900' | 'variable', 'normal' | 'italic', 'cyrillic' | 'cyrillic-ext' | 'greek' | 'greek-ext' | 'latin' | 'latin-ext' | 'math' | 'symbols' | 'vietnamese', 'wdth'> = googleFont('Roboto');
/** Roboto Condensed (sans-serif) from Google Fonts, self-hosted. */
export const Roboto_Condensed: GoogleFontLoader<'100' | '200' | '300' | '400' | '500' | '600' | '700' | '800' | '900' | 'variable', 'normal' | 'italic', 'cyrillic' | 'cyrillic-ext' | 'greek' | 'greek-ext' | 'latin' | 'latin-ext' | 'vietnamese'> = googleFont('Roboto_Condensed');
/** Roboto Mono (monospace) from Google Fonts, self-hosted. */
export const Roboto_Mono: GoogleFontLoader<'100' | '200' | '300' | '400' | '500' | '600' | '700' | 'variable', 'normal' | 'italic', 'cyrillic' | 'cyrillic-ext' | 'greek' | 'latin' | 'latin-ext' | 'vietnamese'> = googleFont('Roboto_Mono');
/** Roboto Slab (serif) from Google Fonts, self-hosted. */
export const Roboto_Slab: GoogleFontLoader<'100' | '200' | '300' | '400' | '500' | '600' | '700' | '800' | '900' | 'variable', 'normal', 'cyrillic' | 'cyrillic-ext' | 'greek' | 'greek-ext' | 'latin' | 'latin-ext' | 'vietnamese'> = googleFont('Roboto_Slab');
/** Rubik (sans-serif) from Google Fonts, self-hosted. */
export const Rubik: GoogleFontLoader<'300' | '400' | '500' | '600' | '700' | '800' | '900' | 'variable', 'normal' | 'italic', 'arabic' | 'cyrillic' | 'cyrillic-ext' | 'hebrew' | 'latin' | 'latin-ext'> = googleFont('Rubik');
/** Sora (sans-serif) from Google Fonts, self-hosted. */
export const Sora: GoogleFontLoader<'100' | '200' | '300' | '400' | '500' | '600' | '700' | '800' | 'variable', 'normal', 'latin' | 'latin-ext'> = googleFont('Sora');
/** Source Code Pro (monospace) from Google Fonts, self-hosted. */
export const Source_Code_Pro: GoogleFontLoader<'200' | '300' | '400' | '500' | '600' | '700' | '800' | '900' | 'variable', 'normal' | 'italic', 'cyrillic' | 'cyrillic-ext' | 'greek' | 'greek-ext' | 'latin' | 'latin-ext' | 'vietnamese'> = googleFont('Source_Code_Pro');
/** Source Sans 3 (sans-serif) from Google Fonts, self-hosted. */
export const Source_Sans_3: GoogleFontLoader<'200' | '300' | '400' | '500' | '600' | '700' | '800' | '900' | 'variable', 'normal' | 'italic', 'cyrillic' | 'cyrillic-ext' | 'greek' | 'greek-ext' | 'latin' | 'latin-ext' | 'vietnamese'> = googleFont('Source_Sans_3');
/** Space Grotesk (sans-serif) from Google Fonts, self-hosted. */
export const Space_Grotesk: GoogleFontLoader<'300' | '400' | '500' | '600' | '700' | 'variable', 'normal', 'latin' | 'latin-ext' | 'vietnamese'> = googleFont('Space_Grotesk');
/** Space Mono (monospace) from Google Fonts, self-hosted. */
export const Space_Mono: GoogleFontLoaderWithWeight<'400' | '700', 'normal' | 'italic', 'latin' | 'latin-ext' | 'vietnamese'> = googleFont('Space_Mono');
/** Titillium Web (sans-serif) from Google Fonts, self-hosted. */
export const Titillium_Web: GoogleFontLoaderWithWeight<'200' | '300' | '400' | '600' | '700' | '900', 'normal' | 'italic', 'latin' | 'latin-ext'> = googleFont('Titillium_Web');
/** Ubuntu (sans-serif) from Google Fonts, self-hosted. */
export const Ubuntu: GoogleFontLoaderWithWeight<'300' | '400' | '500' | '700', 'normal' | 'italic', 'cyrillic' | 'cyrillic-ext' | 'greek' | 'greek-ext' | 'latin' | 'latin-ext'> = googleFont('Ubuntu');
/** Urbanist (sans-serif) from Google Fonts, self-hosted. */
export const Urbanist: GoogleFontLoader<'100' | '200' | '300' | '400' | '500' | '600' | '700' | '800' | '900' | 'variable', 'normal' | 'italic', 'latin' | 'latin-ext'> = googleFont('Urbanist');
/** Work Sans (sans-serif) from Google Fonts, self-hosted. */
export const Work_Sans: GoogleFontLoader<'100' | '200' | '300' | '400' | '500' | '600' | '700' | '800' | '900' | 'variable', 'normal' | 'italic', 'latin' | 'latin-ext' | 'vietnamese'> = googleFont('Work_Sans');
