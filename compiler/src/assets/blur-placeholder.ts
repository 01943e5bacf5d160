import { createHash } from 'node:crypto';

/** What a static image import adds for `<Image placeholder="blur">` (Next.js's field names). */
export interface BlurPlaceholder {
  /** A WebP data URL, at most 8px on its longer side. */
  blurDataURL: string;
  blurWidth: number;
  blurHeight: number;
}

const BLUR_SIZE = 8;
/** Formats Next.js makes blur data for; GIF (often animated), SVG and icons get none. */
const BLURRABLE = /\.(png|jpe?g|webp|avif)$/i;
const MAX_CACHED = 2_000;
/** By content hash: the three environments and every dev rebuild ask for the same files. */
const cache = new Map<string, Promise<BlurPlaceholder | null>>();

/**
 * A tiny blurred stand-in for an imported image, made with sharp (shrink-on-load keeps a large
 * JPEG fast). Null for formats without one, or when sharp cannot read the file: the import still
 * works, and `placeholder="blur"` then says what is missing.
 */
export function blurPlaceholder(file: string, content: Uint8Array, size: { width: number; height: number }): Promise<BlurPlaceholder | null> {
  if (!BLURRABLE.test(file) || !(size.width > 0 && size.height > 0)) return Promise.resolve(null);
  const key = createHash('sha256').update(content).digest('base64url');
  let pending = cache.get(key);
  if (!pending) {
    pending = makeBlur(content, size);
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    cache.set(key, pending);
  }
  return pending;
}

async function makeBlur(content: Uint8Array, { width, height }: { width: number; height: number }): Promise<BlurPlaceholder | null> {
  const scale = BLUR_SIZE / Math.max(width, height);
  const blurWidth = Math.max(1, Math.round(width * Math.min(scale, 1)));
  const blurHeight = Math.max(1, Math.round(height * Math.min(scale, 1)));
  try {
    const { default: sharp } = await import('sharp');
    const bytes = await sharp(content).rotate().resize(blurWidth, blurHeight, { fit: 'fill' }).webp({ quality: 70 }).toBuffer();
    return { blurDataURL: `data:image/webp;base64,${bytes.toString('base64')}`, blurWidth, blurHeight };
  } catch {
    return null;
  }
}
