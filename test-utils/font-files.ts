import { brotliCompressSync, constants, deflateSync } from 'node:zlib';

/** The tables of a TrueType/OpenType file, in file order. */
function sfntTables(ttf: Uint8Array): { flavor: number; tables: Array<{ tag: string; data: Uint8Array }> } {
  const view = new DataView(ttf.buffer, ttf.byteOffset, ttf.byteLength);
  const tables = [];
  for (let index = 0; index < view.getUint16(4); index++) {
    const entry = 12 + index * 16;
    const tag = String.fromCharCode(...ttf.subarray(entry, entry + 4));
    const offset = view.getUint32(entry + 8);
    tables.push({ tag, offset, data: ttf.subarray(offset, offset + view.getUint32(entry + 12)) });
  }
  tables.sort((a, b) => a.offset - b.offset);
  return { flavor: view.getUint32(0), tables };
}

function base128(value: number): number[] {
  const bytes = [value & 0x7f];
  for (let rest = Math.floor(value / 128); rest > 0; rest = Math.floor(rest / 128)) bytes.unshift((rest & 0x7f) | 0x80);
  return bytes;
}

/**
 * A WOFF2 file of a TrueType font with every table stored as is ("null transform" for glyf and
 * loca, which WOFF2 allows): a real, browser-loadable .woff2 without a WOFF2 encoder.
 * `transformHmtx` stores hmtx in WOFF2's transformed form instead (for parsers; browsers would
 * also need glyf transformed).
 */
export function encodeWoff2(ttf: Uint8Array, options: { transformHmtx?: boolean } = {}): Uint8Array {
  const { flavor, tables } = sfntTables(ttf);
  const hhea = tables.find((table) => table.tag === 'hhea')!.data;
  const advanceCount = new DataView(hhea.buffer, hhea.byteOffset).getUint16(34);
  // loca must come right after glyf.
  const ordered = tables.filter((table) => table.tag !== 'loca');
  const loca = tables.find((table) => table.tag === 'loca');
  if (loca) ordered.splice(ordered.findIndex((table) => table.tag === 'glyf') + 1, 0, loca);
  const directory: number[] = [];
  const stored = ordered.map((table) => (options.transformHmtx && table.tag === 'hmtx' ? transformedHmtx(table.data, advanceCount) : table.data));
  ordered.forEach((table, index) => {
    const transformed = options.transformHmtx && table.tag === 'hmtx';
    const version = table.tag === 'glyf' || table.tag === 'loca' ? 3 : transformed ? 1 : 0;
    directory.push(0x3f | (version << 6), ...table.tag.split('').map((character) => character.charCodeAt(0)), ...base128(table.data.byteLength), ...(transformed ? base128(stored[index]!.byteLength) : []));
  });
  const stream = Buffer.concat(stored);
  const compressed = brotliCompressSync(stream, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: stream.byteLength } });
  const sfntSize = 12 + 16 * tables.length + tables.reduce((sum, table) => sum + Math.ceil(table.data.byteLength / 4) * 4, 0);
  const headerLength = 48;
  const length = headerLength + directory.length + compressed.byteLength;
  const padded = Math.ceil(length / 4) * 4;
  const out = new Uint8Array(padded);
  const view = new DataView(out.buffer);
  out.set([0x77, 0x4f, 0x46, 0x32]); // wOF2
  view.setUint32(4, flavor);
  view.setUint32(8, padded);
  view.setUint16(12, tables.length);
  view.setUint32(16, sfntSize);
  view.setUint32(20, compressed.byteLength);
  view.setUint16(24, 1);
  out.set(directory, headerLength);
  out.set(compressed, headerLength + directory.length);
  return out;
}

/** hmtx in WOFF2's transformed layout (flags 0): all advance widths, then all side bearings. */
function transformedHmtx(hmtx: Uint8Array, advanceCount: number): Uint8Array {
  const view = new DataView(hmtx.buffer, hmtx.byteOffset, hmtx.byteLength);
  const out = new Uint8Array(1 + hmtx.byteLength);
  const outView = new DataView(out.buffer);
  for (let index = 0; index < advanceCount; index++) {
    outView.setUint16(1 + index * 2, view.getUint16(index * 4));
    outView.setInt16(1 + advanceCount * 2 + index * 2, view.getInt16(index * 4 + 2));
  }
  out.set(hmtx.subarray(advanceCount * 4), 1 + advanceCount * 4);
  return out;
}

/** A WOFF (1.0) file of a TrueType font, every table deflated. */
export function encodeWoff(ttf: Uint8Array): Uint8Array {
  const { flavor, tables } = sfntTables(ttf);
  const sorted = [...tables].sort((a, b) => (a.tag < b.tag ? -1 : 1));
  const compressed = sorted.map((table) => {
    const deflated = deflateSync(table.data);
    return deflated.byteLength < table.data.byteLength ? deflated : table.data;
  });
  const headerLength = 44 + 20 * sorted.length;
  let offset = headerLength;
  const offsets = compressed.map((data) => {
    const at = offset;
    offset += Math.ceil(data.byteLength / 4) * 4;
    return at;
  });
  const out = new Uint8Array(offset);
  const view = new DataView(out.buffer);
  out.set([0x77, 0x4f, 0x46, 0x46]); // wOFF
  view.setUint32(4, flavor);
  view.setUint32(8, offset);
  view.setUint16(12, sorted.length);
  view.setUint32(16, 12 + 16 * sorted.length + sorted.reduce((sum, table) => sum + Math.ceil(table.data.byteLength / 4) * 4, 0));
  sorted.forEach((table, index) => {
    const entry = 44 + index * 20;
    out.set(table.tag.split('').map((character) => character.charCodeAt(0)), entry);
    view.setUint32(entry + 4, offsets[index]!);
    view.setUint32(entry + 8, compressed[index]!.byteLength);
    view.setUint32(entry + 12, table.data.byteLength);
    out.set(compressed[index]!, offsets[index]!);
  });
  return out;
}
