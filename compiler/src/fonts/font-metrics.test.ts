import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { encodeWoff, encodeWoff2 } from '../../../test-utils/font-files.js';
import { readFontMetrics } from './font-metrics.js';
import { readSfntTables } from './sfnt-tables.js';

const ttf = new Uint8Array(readFileSync(fileURLToPath(new URL('../../../fixtures/fonts/app/fonts/Geist-Regular.ttf', import.meta.url))));
const geist = { unitsPerEm: 1000, ascent: 1005, descent: -295, lineGap: 0, averageWidth: 484.9767441860465 };

describe('readFontMetrics', () => {
  it('reads the vertical metrics and the average width of a TrueType font', () => {
    expect(readFontMetrics(ttf)).toEqual(geist);
  });

  it('reads the same metrics from WOFF and WOFF2 files', () => {
    expect(readFontMetrics(encodeWoff(ttf))).toEqual(geist);
    expect(readFontMetrics(encodeWoff2(ttf))).toEqual(geist);
  });

  it('reads advance widths from a transformed WOFF2 hmtx table', () => {
    const woff2 = encodeWoff2(ttf, { transformHmtx: true });
    expect(readSfntTables(woff2, ['hmtx']).get('hmtx')!.transformed).toBe(true);
    expect(readFontMetrics(woff2)).toEqual(geist);
  });

  it('rejects a file that is not a font', () => {
    expect(() => readFontMetrics(new TextEncoder().encode('<!doctype html><p>not a font</p>'))).toThrow(/unknown font format/);
    expect(() => readFontMetrics(new Uint8Array(4))).toThrow(/too short/);
  });
});

describe('readSfntTables', () => {
  it('returns only the tables asked for, with their bytes', () => {
    const tables = readSfntTables(ttf, ['head', 'OS/2', 'none']);
    expect([...tables.keys()].sort()).toEqual(['OS/2', 'head']);
    const head = tables.get('head')!.data;
    // The head table's magic number.
    expect(new DataView(head.buffer, head.byteOffset).getUint32(12)).toBe(0x5f0f3cf5);
  });

  it('reports a table that reaches past the end of a truncated file', () => {
    expect(() => readSfntTables(ttf.subarray(0, 2000), ['glyf'])).toThrow(/glyf table reaches past the end of the file/);
  });
});
