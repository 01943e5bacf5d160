import { ImageError, type ImageFormat, type ImageSource } from '@nexxo/runtime';

type Sharp = typeof import('sharp').default;

/** Resizes and encodes images; `createImageOptimizer` takes another one in tests. */
export interface ImageEncoder {
  /**
   * `source` resized to `width` (never wider than it is) and encoded as `format` (null: its own
   * format), or null when it is to be sent as it is (SVG, ICO, BMP, an animation).
   */
  encode(source: ImageSource, options: { width: number; quality: number; format: ImageFormat | null }): Promise<{ bytes: Uint8Array; contentType: string } | null>;
}

/** Sent unchanged: vectors and icons gain nothing from a raster resize. */
const AS_IS = new Set(['image/svg+xml', 'image/x-icon', 'image/bmp']);
/** The output format when the browser takes none of the configured ones. */
const OWN_FORMAT: Record<string, string> = { 'image/jpeg': 'image/jpeg', 'image/png': 'image/png', 'image/webp': 'image/webp', 'image/avif': 'image/avif', 'image/gif': 'image/png', 'image/tiff': 'image/jpeg' };

let sharpModule: Promise<Sharp> | undefined;
function loadSharp(): Promise<Sharp> {
  return (sharpModule ??= import('sharp').then(
    (module) => module.default,
    (cause: unknown) => {
      sharpModule = undefined;
      throw Object.assign(
        new Error(`Could not load sharp, which optimizes images on Node (${(cause as Error).message}).\n  Fix: reinstall dependencies so npm fetches sharp's binary for ${process.platform}-${process.arch}, or set images.unoptimized in nexxo.config.`, { cause }),
        { code: 'NEXXO_NATIVE_ENGINE_MISSING' },
      );
    },
  ));
}

/** The encoder backed by sharp (libvips): EXIF orientation applied, metadata dropped. */
export function sharpEncoder(): ImageEncoder {
  return {
    async encode(source, { width, quality, format }) {
      if (AS_IS.has(source.contentType)) return null;
      const sharp = await loadSharp();
      const invalid = (cause: unknown) => Object.assign(new ImageError(400, "The requested resource isn't a valid image: it could not be decoded."), { cause });
      let pages: number;
      try {
        pages = (await sharp(source.bytes).metadata()).pages ?? 1;
      } catch (cause) {
        throw invalid(cause);
      }
      // Resizing an animation frame by frame costs more than it saves; Next.js sends them as they are.
      if (pages > 1) return null;
      const target = format ?? OWN_FORMAT[source.contentType] ?? 'image/png';
      const pipeline = sharp(source.bytes, { sequentialRead: true }).rotate().resize({ width, withoutEnlargement: true });
      if (target === 'image/avif') pipeline.avif({ quality, effort: 3 });
      else if (target === 'image/webp') pipeline.webp({ quality });
      else if (target === 'image/jpeg') pipeline.jpeg({ quality, progressive: true });
      else pipeline.png({ quality });
      try {
        const output = await pipeline.toBuffer();
        return { bytes: new Uint8Array(output.buffer, output.byteOffset, output.byteLength), contentType: target };
      } catch (cause) {
        throw invalid(cause);
      }
    },
  };
}
