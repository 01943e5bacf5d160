import { brotliDecompressSync, inflateSync } from 'node:zlib';

/**
 * Reads tables out of a font file: TrueType/OpenType (`.ttf`, `.otf`), WOFF and WOFF2. Only the
 * tables asked for are extracted. WOFF2 may store `glyf`, `loca` and `hmtx` transformed; the
 * transformed bytes are returned as they are with `transformed: true`, since reconstructing them
 * is not needed for the metrics Nexxo reads (see font-metrics.ts).
 */
export function readSfntTables(data: Uint8Array, tags: readonly string[]): Map<string, SfntTable> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.byteLength < 12) throw new Error('the file is too short to be a font');
  const signature = tagAt(view, 0);
  if (signature === 'wOF2') return readWoff2(data, view, new Set(tags));
  if (signature === 'wOFF') return readWoff(data, view, new Set(tags));
  if (signature === 'ttcf') throw new Error('font collections (.ttc) are not supported');
  if (view.getUint32(0) === 0x00010000 || signature === 'OTTO' || signature === 'true') return readSfnt(data, view, new Set(tags));
  throw new Error(`unknown font format (signature ${JSON.stringify(signature)})`);
}

export interface SfntTable {
  data: Uint8Array;
  /** WOFF2 only: the table is stored in its transformed form. */
  transformed: boolean;
}

function readSfnt(data: Uint8Array, view: DataView, wanted: Set<string>): Map<string, SfntTable> {
  const tables = new Map<string, SfntTable>();
  const count = view.getUint16(4);
  for (let index = 0; index < count; index++) {
    const entry = 12 + index * 16;
    const tag = tagAt(view, entry);
    if (!wanted.has(tag)) continue;
    const offset = view.getUint32(entry + 8);
    const length = view.getUint32(entry + 12);
    tables.set(tag, { data: slice(data, offset, length, tag), transformed: false });
  }
  return tables;
}

function readWoff(data: Uint8Array, view: DataView, wanted: Set<string>): Map<string, SfntTable> {
  const tables = new Map<string, SfntTable>();
  const count = view.getUint16(12);
  for (let index = 0; index < count; index++) {
    const entry = 44 + index * 20;
    const tag = tagAt(view, entry);
    if (!wanted.has(tag)) continue;
    const offset = view.getUint32(entry + 4);
    const compressedLength = view.getUint32(entry + 8);
    const length = view.getUint32(entry + 12);
    const stored = slice(data, offset, compressedLength, tag);
    tables.set(tag, { data: compressedLength < length ? new Uint8Array(inflateSync(stored)) : stored, transformed: false });
  }
  return tables;
}

// WOFF2 §5.1: the tags a table directory entry may name by index instead of spelling out.
const KNOWN_TAGS = [
  'cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca', 'prep', 'CFF ', 'VORG', 'EBDT',
  'EBLC', 'gasp', 'hdmx', 'kern', 'LTSH', 'PCLT', 'VDMX', 'vhea', 'vmtx', 'BASE', 'GDEF', 'GPOS', 'GSUB', 'EBSC', 'JSTF', 'MATH',
  'CBDT', 'CBLC', 'COLR', 'CPAL', 'SVG ', 'sbix', 'acnt', 'avar', 'bdat', 'bloc', 'bsln', 'cvar', 'fdsc', 'feat', 'fmtx', 'fvar',
  'gvar', 'hsty', 'just', 'lcar', 'mort', 'morx', 'opbd', 'prop', 'trak', 'Zapf', 'Silf', 'Glat', 'Gloc', 'Feat', 'Sill',
];

function readWoff2(data: Uint8Array, view: DataView, wanted: Set<string>): Map<string, SfntTable> {
  const count = view.getUint16(12);
  const compressedLength = view.getUint32(20);
  if (tagAt(view, 4) === 'ttcf') throw new Error('font collections are not supported');
  let position = 48;
  const readBase128 = () => {
    let value = 0;
    for (let index = 0; index < 5; index++) {
      const byte = view.getUint8(position++);
      if (index === 0 && byte === 0x80) throw new Error('invalid WOFF2 table directory');
      value = value * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0) return value;
    }
    throw new Error('invalid WOFF2 table directory');
  };
  const entries: Array<{ tag: string; length: number; transformed: boolean }> = [];
  for (let index = 0; index < count; index++) {
    const flags = view.getUint8(position++);
    const tag = (flags & 0x3f) === 0x3f ? tagAt(view, (position += 4) - 4) : KNOWN_TAGS[flags & 0x3f]!;
    const version = flags >> 6;
    // glyf and loca are transformed unless version 3 ("null transform"); other tables unless version 0.
    const transformed = tag === 'glyf' || tag === 'loca' ? version !== 3 : version !== 0;
    const originalLength = readBase128();
    const length = transformed ? readBase128() : originalLength;
    entries.push({ tag, length, transformed });
  }
  const stream = new Uint8Array(brotliDecompressSync(slice(data, position, compressedLength, 'the compressed data')));
  const tables = new Map<string, SfntTable>();
  let offset = 0;
  // Tables follow each other in the decompressed stream, in directory order, without padding.
  for (const entry of entries) {
    if (wanted.has(entry.tag)) tables.set(entry.tag, { data: slice(stream, offset, entry.length, entry.tag), transformed: entry.transformed });
    offset += entry.length;
  }
  return tables;
}

function tagAt(view: DataView, offset: number): string {
  return String.fromCharCode(view.getUint8(offset), view.getUint8(offset + 1), view.getUint8(offset + 2), view.getUint8(offset + 3));
}

function slice(data: Uint8Array, offset: number, length: number, what: string): Uint8Array {
  if (offset + length > data.byteLength) throw new Error(`the ${what} table reaches past the end of the file`);
  return data.subarray(offset, offset + length);
}
