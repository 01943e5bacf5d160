import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FontOptionsError } from './font-options.js';
import { fileForFallback, localFontRequest } from './local-font-options.js';

// A module next to the fixture's fonts: `src` paths resolve from the calling file.
const caller = fileURLToPath(new URL('../../../fixtures/fonts/app/layout.tsx', import.meta.url));

function reason(options: Record<string, unknown>): string | null {
  try {
    localFontRequest(options, caller);
  } catch (error) {
    if (error instanceof FontOptionsError) return error.message;
    throw error;
  }
  return null;
}

describe('localFontRequest', () => {
  it('resolves font files from the calling file and fills in the defaults', () => {
    const request = localFontRequest({ src: './fonts/Geist-Regular.woff2' }, caller);
    expect(request.files).toEqual([{ path: './fonts/Geist-Regular.woff2', file: fileURLToPath(new URL('../../../fixtures/fonts/app/fonts/Geist-Regular.woff2', import.meta.url)), weight: undefined, style: undefined }]);
    expect(request).toMatchObject({ display: 'swap', preload: true, adjustFontFallback: 'Arial', fallback: [], declarations: [], variable: undefined });
  });

  it('takes several files with their weights and styles', () => {
    const request = localFontRequest({ src: [{ path: './fonts/Geist-Regular.woff2', weight: '400' }, { path: './fonts/Geist-Regular.ttf', weight: '700', style: 'italic' }], adjustFontFallback: false }, caller);
    expect(request.files.map(({ weight, style }) => [weight, style])).toEqual([
      ['400', undefined],
      ['700', 'italic'],
    ]);
    expect(request.adjustFontFallback).toBe(false);
  });

  it('rejects what Next.js rejects, with its messages', () => {
    expect(reason({})).toBe('Missing required `src` in call to `localFont`.');
    expect(reason({ src: './fonts/OFL.txt' })).toBe('Unexpected file `./fonts/OFL.txt`: a font file ends in .woff2, .woff, .ttf, .otf or .eot.');
    expect(reason({ src: './fonts/Nope.woff2' })).toMatch(/^The font file \.\/fonts\/Nope\.woff2 does not exist/);
    expect(reason({ src: [{ weight: '400' }] })).toContain('Each entry of `src` must be an object with a `path`');
    expect(reason({ src: [{ path: './fonts/Geist-Regular.ttf', weight: 700 }] })).toContain('must be a string such as');
    expect(reason({ src: './fonts/Geist-Regular.ttf', display: 'fast' })).toContain('Invalid display value `fast`');
    expect(reason({ src: './fonts/Geist-Regular.ttf', adjustFontFallback: 'Helvetica' })).toContain('Invalid `adjustFontFallback` value "Helvetica"');
    expect(reason({ src: './fonts/Geist-Regular.ttf', declarations: [{ prop: 'src', value: 'x' }] })).toContain('Invalid declaration prop: `src`.');
    expect(reason({ src: './fonts/Geist-Regular.ttf', sauce: true })).toContain('Unknown option `sauce`');
  });
});

describe('fileForFallback', () => {
  it('picks the file nearest to regular weight, normal style first, thinner on a tie', () => {
    expect(fileForFallback([{ weight: '700' }, { weight: '300' }, { weight: '500' }])).toEqual({ weight: '300' });
    expect(fileForFallback([{ weight: '400', style: 'italic' }, { weight: '400', style: 'normal' }])).toEqual({ weight: '400', style: 'normal' });
    expect(fileForFallback([{ weight: '700' }, { weight: '100 900' }])).toEqual({ weight: '100 900' });
    expect(fileForFallback([{ weight: 'bold' }, { weight: 'normal' }])).toEqual({ weight: 'normal' });
  });
});
