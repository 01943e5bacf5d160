import type { ImageJob, ImageService, OptimizedImage } from '@nexxo/runtime';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fetchWithAddressCheck } from './image-fetch.js';
import { sharpEncoder, type ImageEncoder } from './sharp-encoder.js';

export interface ImageOptimizerOptions {
  /** Where results are kept across requests and restarts (`.nexxo/cache/images`); null: not kept. */
  cacheDir: string | null;
  /** Default: sharp. */
  encoder?: ImageEncoder;
  /** Default: Date.now (tests move time). */
  now?: () => number;
}

/**
 * Node's image service for `@nexxo/runtime`'s `/_nexxo/image`: sharp encodes, results are cached
 * on disk with their expiry, and identical requests that arrive together share one encode.
 * @example
 * createApp({ build, readFile, images: createImageOptimizer({ cacheDir: join(outDir, 'cache/images') }) });
 */
export function createImageOptimizer(options: ImageOptimizerOptions): ImageService {
  const encoder = options.encoder ?? sharpEncoder();
  const now = options.now ?? Date.now;
  const inFlight = new Map<string, Promise<OptimizedImage>>();
  let warned = false;

  async function produce(job: ImageJob): Promise<OptimizedImage> {
    const file = options.cacheDir && join(options.cacheDir, createHash('sha256').update(job.cacheKey).digest('hex'));
    const cached = file ? await readEntry(file) : null;
    if (cached && cached.expiresAt > now()) return cached.image;
    const source = await job.loadSource();
    const encoded = (await encoder.encode(source, job)) ?? source;
    const image: OptimizedImage = {
      bytes: encoded.bytes,
      contentType: encoded.contentType,
      etag: createHash('sha256').update(encoded.bytes).digest('base64url').slice(0, 27),
      maxAge: Math.max(job.minimumCacheTTL, source.maxAge),
    };
    if (file) {
      await writeEntry(file, image, now() + image.maxAge * 1000).catch((error: Error) => {
        if (!warned) console.warn(`[nexxo] Could not write the image cache in ${options.cacheDir} (${error.message}); images are optimized again on each request.`);
        warned = true;
      });
    }
    return image;
  }

  return {
    fetch: fetchWithAddressCheck,
    optimize(job) {
      let work = inFlight.get(job.cacheKey);
      if (!work) {
        work = produce(job).finally(() => inFlight.delete(job.cacheKey));
        inFlight.set(job.cacheKey, work);
      }
      return work;
    },
  };
}

interface EntryHeader {
  contentType: string;
  etag: string;
  maxAge: number;
  expiresAt: number;
}

/** One file per result: a 4-byte header length, the JSON header, then the image. */
async function readEntry(file: string): Promise<{ image: OptimizedImage; expiresAt: number } | null> {
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    return null;
  }
  try {
    const headerLength = data.readUInt32BE(0);
    const header = JSON.parse(data.subarray(4, 4 + headerLength).toString('utf8')) as EntryHeader;
    const bytes = data.subarray(4 + headerLength);
    return { image: { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), contentType: header.contentType, etag: header.etag, maxAge: header.maxAge }, expiresAt: header.expiresAt };
  } catch {
    // A torn or foreign file: treated as a miss and overwritten.
    return null;
  }
}

async function writeEntry(file: string, image: OptimizedImage, expiresAt: number): Promise<void> {
  const header = Buffer.from(JSON.stringify({ contentType: image.contentType, etag: image.etag, maxAge: image.maxAge, expiresAt } satisfies EntryHeader));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.byteLength);
  await mkdir(join(file, '..'), { recursive: true });
  // Written aside and renamed: a concurrent reader (another process) never sees half a file.
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(temporary, Buffer.concat([length, header, image.bytes]));
  await rename(temporary, file);
}
