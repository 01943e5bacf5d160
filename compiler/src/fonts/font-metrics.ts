import { readSfntTables, type SfntTable } from './sfnt-tables.js';

/** The vertical metrics and average letter width of a font, in font units. */
export interface FontMetrics {
  unitsPerEm: number;
  ascent: number;
  /** Negative below the baseline, as in the font. */
  descent: number;
  lineGap: number;
  /** Average advance of a typical run of lowercase text, or null when the font lacks a letter. */
  averageWidth: number | null;
}

/**
 * Text whose average advance width stands for running text: the same sample Next.js uses (letter
 * frequencies of English, with spaces), so fallback metrics match what a Next.js app gets.
 */
const SAMPLE = 'aaabcdeeeefghiijklmnnoopqrrssttuvwxyz      ';

/** Reads the metrics of a `.ttf`, `.otf`, `.woff` or `.woff2` file. Throws on a malformed file. */
export function readFontMetrics(file: Uint8Array): FontMetrics {
  const tables = readSfntTables(file, ['head', 'hhea', 'cmap', 'hmtx']);
  const head = required(tables, 'head');
  const hhea = required(tables, 'hhea');
  const unitsPerEm = head.getUint16(18);
  if (unitsPerEm === 0) throw new Error('the head table gives 0 units per em');
  return {
    unitsPerEm,
    ascent: hhea.getInt16(4),
    descent: hhea.getInt16(6),
    lineGap: hhea.getInt16(8),
    averageWidth: averageWidth(tables, hhea.getUint16(34)),
  };
}

function averageWidth(tables: Map<string, SfntTable>, advanceCount: number): number | null {
  const cmap = tables.get('cmap');
  const hmtx = tables.get('hmtx');
  if (!cmap || !hmtx || advanceCount === 0) return null;
  const glyphOf = characterMap(view(cmap.data));
  if (!glyphOf) return null;
  const metrics = view(hmtx.data);
  // A transformed WOFF2 hmtx starts with a flags byte, then the advance widths (WOFF2 §5.4).
  const advanceAt = hmtx.transformed ? (index: number) => metrics.getUint16(1 + index * 2) : (index: number) => metrics.getUint16(index * 4);
  let total = 0;
  for (const character of SAMPLE) {
    const glyph = glyphOf(character.codePointAt(0)!);
    if (glyph === 0) return null;
    total += advanceAt(Math.min(glyph, advanceCount - 1));
  }
  return total / SAMPLE.length;
}

/** The font's Unicode character map (format 4 or 12 subtable), as code point → glyph id (0 = none). */
function characterMap(cmap: DataView): ((codePoint: number) => number) | null {
  const count = cmap.getUint16(2);
  let best: { offset: number; rank: number } | null = null;
  for (let index = 0; index < count; index++) {
    const platform = cmap.getUint16(4 + index * 8);
    const encoding = cmap.getUint16(6 + index * 8);
    const offset = cmap.getUint32(8 + index * 8);
    const format = cmap.getUint16(offset);
    // Full Unicode tables first, then the BMP ones.
    const rank = format === 12 && (platform === 0 || (platform === 3 && encoding === 10)) ? 2 : format === 4 && (platform === 0 || (platform === 3 && encoding === 1)) ? 1 : 0;
    if (rank > 0 && (!best || rank > best.rank)) best = { offset, rank };
  }
  if (!best) return null;
  const { offset } = best;
  if (cmap.getUint16(offset) === 12) {
    const groups = cmap.getUint32(offset + 12);
    return (codePoint) => {
      for (let group = 0; group < groups; group++) {
        const at = offset + 16 + group * 12;
        const start = cmap.getUint32(at);
        if (codePoint >= start && codePoint <= cmap.getUint32(at + 4)) return cmap.getUint32(at + 8) + codePoint - start;
      }
      return 0;
    };
  }
  const segments = cmap.getUint16(offset + 6) / 2;
  const ends = offset + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  return (codePoint) => {
    for (let segment = 0; segment < segments; segment++) {
      if (codePoint > cmap.getUint16(ends + segment * 2)) continue;
      const start = cmap.getUint16(starts + segment * 2);
      if (codePoint < start) return 0;
      const delta = cmap.getInt16(deltas + segment * 2);
      const rangeOffsetAt = rangeOffsets + segment * 2;
      const rangeOffset = cmap.getUint16(rangeOffsetAt);
      if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
      const glyph = cmap.getUint16(rangeOffsetAt + rangeOffset + (codePoint - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

function required(tables: Map<string, SfntTable>, tag: string): DataView {
  const table = tables.get(tag);
  if (!table) throw new Error(`the font has no ${tag} table`);
  return view(table.data);
}

function view(data: Uint8Array): DataView {
  return new DataView(data.buffer, data.byteOffset, data.byteLength);
}
