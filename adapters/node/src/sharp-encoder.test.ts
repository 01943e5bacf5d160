import { ImageError } from '@nexxo/runtime';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharpEncoder } from './sharp-encoder.js';

const encoder = sharpEncoder();
let photo: Uint8Array;
beforeAll(async () => {
  // A 1000×600 gradient with noise: photo-like enough to exercise the encoders.
  const noise = await sharp({ create: { width: 1000, height: 600, channels: 3, noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).png().toBuffer();
  photo = new Uint8Array(await sharp(noise).jpeg({ quality: 90 }).toBuffer());
});

const source = (bytes: Uint8Array, contentType = 'image/jpeg') => ({ bytes, contentType, maxAge: 0 });

describe('sharpEncoder', () => {
  it('resizes to the requested width and encodes WebP or AVIF', async () => {
    for (const format of ['image/webp', 'image/avif'] as const) {
      const result = (await encoder.encode(source(photo), { width: 640, quality: 75, format }))!;
      expect(result.contentType).toBe(format);
      const metadata = await sharp(result.bytes).metadata();
      expect([metadata.format, metadata.width, metadata.height]).toEqual([format === 'image/webp' ? 'webp' : 'heif', 640, 384]);
    }
  });

  it('never makes an image wider than it is', async () => {
    const result = (await encoder.encode(source(photo), { width: 3840, quality: 75, format: 'image/webp' }))!;
    expect((await sharp(result.bytes).metadata()).width).toBe(1000);
  });

  it("keeps the source's format when the browser takes none of the configured ones", async () => {
    const result = (await encoder.encode(source(photo), { width: 640, quality: 75, format: null }))!;
    expect(result.contentType).toBe('image/jpeg');
    expect((await sharp(result.bytes).metadata()).format).toBe('jpeg');
  });

  it('sends SVG and animations as they are', async () => {
    expect(await encoder.encode(source(new TextEncoder().encode('<svg/>'), 'image/svg+xml'), { width: 640, quality: 75, format: 'image/webp' })).toBeNull();
    const frame = (background: string) => sharp({ create: { width: 8, height: 8, channels: 4, background } }).png().toBuffer();
    const animated = await sharp([await frame('#f00'), await frame('#00f')], { join: { animated: true } }).gif().toBuffer();
    expect(await encoder.encode(source(new Uint8Array(animated), 'image/gif'), { width: 640, quality: 75, format: 'image/webp' })).toBeNull();
  });

  it('refuses bytes that do not decode with a 400', async () => {
    const broken = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0]);
    const error = await encoder.encode(source(broken), { width: 640, quality: 75, format: 'image/webp' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImageError);
    expect((error as ImageError).status).toBe(400);
  });
});
