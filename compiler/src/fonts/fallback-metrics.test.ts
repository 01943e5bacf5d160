import { describe, expect, it } from 'vitest';
import { fallbackOverrides } from './fallback-metrics.js';

describe('fallbackOverrides', () => {
  const geist = { unitsPerEm: 1000, ascent: 1005, descent: -295, lineGap: 0, averageWidth: 484.9767441860465 };

  it('scales Arial to the font’s average letter width and sets its vertical metrics', () => {
    expect(fallbackOverrides(geist, 'Arial')).toEqual({ fallbackFont: 'Arial', ascentOverride: '94.56%', descentOverride: '27.76%', lineGapOverride: '0.00%', sizeAdjust: '106.28%' });
  });

  it('uses Times New Roman’s width for a serif fallback', () => {
    expect(fallbackOverrides(geist, 'Times New Roman')).toMatchObject({ sizeAdjust: '116.25%', ascentOverride: '86.45%' });
  });

  it('leaves the size alone when the font lacks a letter of the sample text', () => {
    expect(fallbackOverrides({ ...geist, averageWidth: null, lineGap: 100 }, 'Arial')).toEqual({ fallbackFont: 'Arial', ascentOverride: '100.50%', descentOverride: '29.50%', lineGapOverride: '10.00%', sizeAdjust: '100.00%' });
  });
});
