import { describe, expect, it } from 'vitest';
import { fontFamilyValue, fontModuleCss, fontStyleObject, type FontModule } from './font-module-css.js';

const module: FontModule = {
  family: '__brand_1a2b3c',
  faces: [{ file: '/app/fonts/My Font.woff2', descriptors: [['font-weight', '400']] }],
  display: 'swap',
  fallback: { fallbackFont: 'Arial', ascentOverride: '94.56%', descentOverride: '27.76%', lineGapOverride: '0.00%', sizeAdjust: '106.28%' },
  fallbackFamilies: ['system-ui'],
  weight: '400',
  style: undefined,
  variable: '--font-brand',
};

describe('fontModuleCss', () => {
  it('writes the faces, the adjusted fallback face and the classes', () => {
    expect(fontModuleCss(module, '/app/node_modules/.cache/nexxo/fonts/brand.module.css')).toBe(`@font-face {
  font-family: '__brand_1a2b3c';
  src: url("../../../../fonts/My%20Font.woff2") format('woff2');
  font-display: swap;
  font-weight: 400;
}
@font-face {
  font-family: '__brand_Fallback_1a2b3c';
  src: local('Arial'), local('Liberation Sans'), local('Arimo');
  ascent-override: 94.56%;
  descent-override: 27.76%;
  line-gap-override: 0.00%;
  size-adjust: 106.28%;
}
.className {
  font-family: '__brand_1a2b3c', '__brand_Fallback_1a2b3c', system-ui;
  font-weight: 400;
}
.variable {
  --font-brand: '__brand_1a2b3c', '__brand_Fallback_1a2b3c', system-ui;
}
`);
  });

  it('leaves out the fallback face and the variable class when there are none', () => {
    const css = fontModuleCss({ ...module, fallback: null, variable: undefined, fallbackFamilies: [] }, '/app/x.module.css');
    expect(css).not.toContain('Fallback');
    expect(css).not.toContain('.variable');
    expect(fontFamilyValue({ ...module, fallback: null, fallbackFamilies: [] })).toBe("'__brand_1a2b3c'");
  });
});

describe('fontStyleObject', () => {
  it('gives the family, and a numeric weight and the style when the call names one', () => {
    expect(fontStyleObject(module)).toEqual({ fontFamily: "'__brand_1a2b3c', '__brand_Fallback_1a2b3c', system-ui", fontWeight: 400 });
    expect(fontStyleObject({ ...module, weight: '100 900', style: 'italic' })).toEqual({ fontFamily: "'__brand_1a2b3c', '__brand_Fallback_1a2b3c', system-ui", fontStyle: 'italic' });
  });
});
