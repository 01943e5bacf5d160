import type { ImageFormat } from './image-config.js';

/** Image types the endpoint recognises from a source's first bytes. */
export type SniffedImageType = 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp' | 'image/avif' | 'image/tiff' | 'image/svg+xml' | 'image/x-icon' | 'image/bmp';

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) => signature.every((byte, index) => bytes[offset + index] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/**
 * The image type of `bytes`, from their content (never from a header or a file name), or null
 * when they are not an image the endpoint handles. An HTML page or a text file served as
 * `image/png` is therefore refused.
 */
export function sniffImageType(bytes: Uint8Array): SniffedImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('ftyp'), 4) && (startsWith(bytes, ascii('avif'), 8) || startsWith(bytes, ascii('avis'), 8))) return 'image/avif';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00])) return 'image/x-icon';
  if (startsWith(bytes, ascii('BM'))) return 'image/bmp';
  if (isSvg(bytes)) return 'image/svg+xml';
  return null;
}

function isSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 1024)).replace(/^\uFEFF/, '').trimStart();
  // An XML prolog, comments or a doctype may come first; the root element must be <svg>.
  const root = head.replace(/^(?:<\?xml[^>]*\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*/i, '');
  return /^<svg[\s>]/i.test(root);
}

/**
 * The first of `formats` (the config's order of preference) that the `Accept` header names
 * explicitly with a non-zero quality; null keeps the source's format. `image/*` and `*\/*` do not
 * count, as in Next.js: a client that does not say it takes AVIF does not get AVIF.
 */
export function negotiateFormat(accept: string | null, formats: readonly ImageFormat[]): ImageFormat | null {
  const accepted = new Set<string>();
  for (const entry of (accept ?? '').toLowerCase().split(',')) {
    const [type, ...parameters] = entry.split(';').map((part) => part.trim());
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    if (type && !(q && Number(q.slice(2)) === 0)) accepted.add(type);
  }
  return formats.find((format) => accepted.has(format)) ?? null;
}

/** File extension for a content type the endpoint serves. */
export function extensionFor(contentType: string): string {
  const subtype = contentType.split(';')[0]!.split('/')[1] ?? 'bin';
  return ({ jpeg: 'jpg', 'svg+xml': 'svg', 'x-icon': 'ico' } as Record<string, string>)[subtype] ?? subtype;
}
