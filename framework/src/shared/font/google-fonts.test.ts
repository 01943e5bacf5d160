import { describe, expect, it } from 'vitest';
import { exportNameOf, googleFontFamilies } from '../../../../compiler/src/fonts/google-font-data.js';
import * as googleFonts from './google-fonts.js';

/** The source of google-fonts.ts: one typed export per family of the compiler's list. */
function generatedSource(): string {
  const union = (values: string[]) => values.map((value) => `'${value}'`).join(' | ');
  const lines = [
    '// Generated from compiler/src/fonts/google-font-data.ts by google-fonts.test.ts: edit the list there,',
    '// then run `npx vitest run framework/src/shared/font -u` to rewrite this file.',
    "import { googleFont } from './google-font.js';",
    "import type { GoogleFontLoader, GoogleFontLoaderWithWeight } from './font-types.js';",
    '',
  ];
  for (const family of googleFontFamilies.values()) {
    const weightRequired = !family.weights.includes('variable') && family.weights.length > 1;
    const axes = family.axes.map((axis) => axis.tag).filter((tag) => tag !== 'wght');
    const type = weightRequired
      ? `GoogleFontLoaderWithWeight<${union(family.weights)}, ${union(family.styles)}, ${union(family.subsets)}>`
      : `GoogleFontLoader<${union(family.weights)}, ${union(family.styles)}, ${union(family.subsets)}${axes.length > 0 ? `, ${union(axes)}` : ''}>`;
    lines.push(`/** ${family.family} (${family.category}) from Google Fonts, self-hosted. */`, `export const ${exportNameOf(family.family)}: ${type} = googleFont('${exportNameOf(family.family)}');`);
  }
  return lines.join('\n') + '\n';
}

describe('nexxo/font/google', () => {
  it('has one typed export per family of the compiler’s font list', async () => {
    await expect(generatedSource()).toMatchFileSnapshot('./google-fonts.ts');
  });

  it('exports a function per family that explains a call that was not compiled', () => {
    expect(Object.keys(googleFonts).sort()).toEqual([...googleFontFamilies.keys()].map(exportNameOf).sort());
    expect(() => googleFonts.Inter({ subsets: ['latin'] })).toThrow(/Inter\(\) from "nexxo\/font\/google" ran without being compiled/);
  });
});
