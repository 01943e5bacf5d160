import { describe, expect, it } from 'vitest';
import { exportNameOf, googleFontFamilies } from './google-font-data.js';
import { googleFontRequest, googleFontsUrl } from './google-font-options.js';
import { FontOptionsError } from './font-options.js';

const url = (family: string, options: Record<string, unknown>) => googleFontsUrl(googleFontRequest(family, options));

describe('googleFontsUrl', () => {
  it('asks for the whole weight axis of a variable font by default', () => {
    expect(url('Inter', { subsets: ['latin'] })).toBe('https://fonts.googleapis.com/css2?family=Inter:wght@100..900&display=swap');
  });

  it('lists static weights and italics as Next.js does', () => {
    expect(url('Poppins', { weight: ['700', '400'], subsets: ['latin'] })).toBe('https://fonts.googleapis.com/css2?family=Poppins:wght@400;700&display=swap');
    expect(url('Roboto Mono', { style: ['normal', 'italic'], subsets: ['latin'], display: 'optional' })).toBe('https://fonts.googleapis.com/css2?family=Roboto+Mono:ital,wght@0,100..700;1,100..700&display=optional');
    expect(url('Lato', { weight: '400', style: 'italic', subsets: ['latin'] })).toBe('https://fonts.googleapis.com/css2?family=Lato:ital,wght@1,400&display=swap');
  });

  it('adds extra axes in Google’s order (lowercase tags first)', () => {
    expect(url('Inter', { axes: ['opsz'], subsets: ['latin'] })).toBe('https://fonts.googleapis.com/css2?family=Inter:opsz,wght@14..32,100..900&display=swap');
    expect(url('Nunito Sans', { axes: ['YTLC', 'wdth'], subsets: ['latin'] })).toBe('https://fonts.googleapis.com/css2?family=Nunito+Sans:wdth,wght,YTLC@75..125,200..1000,440..540&display=swap');
  });

  it('needs no weight for a single-weight family', () => {
    expect(url('Bebas Neue', { subsets: ['latin'] })).toBe('https://fonts.googleapis.com/css2?family=Bebas+Neue:wght@400&display=swap');
  });
});

describe('googleFontRequest', () => {
  const reason = (family: string, options: Record<string, unknown>) => {
    try {
      googleFontRequest(family, options);
    } catch (error) {
      if (error instanceof FontOptionsError) return error.message;
      throw error;
    }
    return null;
  };

  it('fills in Next.js’s defaults', () => {
    expect(googleFontRequest('Inter', { subsets: ['latin'] })).toMatchObject({ weights: ['variable'], styles: ['normal'], display: 'swap', preload: true, adjustFontFallback: true, fallback: [], variable: undefined });
    expect(googleFontRequest('Instrument Serif', { style: 'italic', preload: false })).toMatchObject({ weights: ['400'], styles: ['italic'], subsets: [] });
  });

  it('rejects what the family does not have, listing what it has', () => {
    expect(reason('Comic Neue', {})).toContain('Unknown font `Comic Neue`.');
    expect(reason('Lato', { subsets: ['latin'] })).toBe('Missing weight for font `Lato`.\nAvailable weights: `100`, `300`, `400`, `700`, `900`');
    expect(reason('Inter', { weight: ['variable', '400'], subsets: ['latin'] })).toContain('Unexpected `variable` in weight array');
    expect(reason('Oswald', { style: 'italic', subsets: ['latin'] })).toBe('Unknown style `italic` for font `Oswald`.\nAvailable styles: `normal`');
    expect(reason('Inter', { subsets: ['klingon'] })).toContain('Unknown subset `klingon` for font `Inter`.');
    expect(reason('Inter', {})).toContain('Preload is enabled but no subsets were specified for font `Inter`.');
    expect(reason('Inter', { axes: ['wdth'], subsets: ['latin'] })).toBe('Invalid axes value `wdth` for font `Inter`.\nAvailable axes: `opsz`');
    expect(reason('Poppins', { weight: '400', axes: ['wdth'], subsets: ['latin'] })).toBe('Axes can only be defined for variable fonts.');
    expect(reason('Inter', { subsets: ['latin'], display: 'fast' })).toContain('Invalid display value `fast` for font `Inter`.');
    expect(reason('Inter', { subsets: ['latin'], variable: 'font-inter' })).toContain("must be a CSS custom property name such as '--font-sans'");
    expect(reason('Inter', { subsets: ['latin'], weights: ['400'] })).toContain('Unknown option `weights` for font `Inter`.');
  });
});

describe('the font list', () => {
  it('gives every family weights, styles, subsets and, for variable fonts, a weight axis', () => {
    expect(googleFontFamilies.size).toBeGreaterThanOrEqual(50);
    for (const family of googleFontFamilies.values()) {
      expect(family.weights.length, family.family).toBeGreaterThan(0);
      expect(family.subsets, family.family).toContain('latin');
      expect(family.weights.includes('variable'), family.family).toBe(family.axes.some((axis) => axis.tag === 'wght'));
      expect(exportNameOf(family.family)).toMatch(/^[A-Z]\w*$/);
    }
    expect(googleFontFamilies.get('Inter')!.axes).toEqual([
      { tag: 'wght', min: 100, max: 900, defaultValue: 400 },
      { tag: 'opsz', min: 14, max: 32, defaultValue: 14 },
    ]);
  });
});
