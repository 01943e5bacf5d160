import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { blurPlaceholder } from './blur-placeholder.js';

const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } }).jpeg().toBuffer().then((buffer) => new Uint8Array(buffer));

describe('blurPlaceholder', () => {
  it('makes a WebP data URL at most 8px on the longer side, keeping the aspect ratio', async () => {
    const blur = (await blurPlaceholder('/a/photo.jpg', await photo(1200, 800), { width: 1200, height: 800 }))!;
    expect([blur.blurWidth, blur.blurHeight]).toEqual([8, 5]);
    expect(blur.blurDataURL).toMatch(/^data:image\/webp;base64,/);
    const decoded = await sharp(Buffer.from(blur.blurDataURL.split(',')[1]!, 'base64')).metadata();
    expect([decoded.format, decoded.width, decoded.height]).toEqual(['webp', 8, 5]);
    expect(blur.blurDataURL.length).toBeLessThan(300);
  });

  it('does not enlarge an image smaller than 8px', async () => {
    const blur = (await blurPlaceholder('/a/dot.png', await photo(4, 2), { width: 4, height: 2 }))!;
    expect([blur.blurWidth, blur.blurHeight]).toEqual([4, 2]);
  });

  it('returns the same promise for the same content, under any name', async () => {
    const content = await photo(300, 600);
    const first = blurPlaceholder('/a/one.jpg', content, { width: 300, height: 600 });
    expect(blurPlaceholder('/b/two.jpg', content, { width: 300, height: 600 })).toBe(first);
    expect((await first)!.blurHeight).toBe(8);
  });

  it('makes none for SVG, GIF and icons, or for bytes sharp cannot read', async () => {
    expect(await blurPlaceholder('/a/icon.svg', new TextEncoder().encode('<svg/>'), { width: 10, height: 10 })).toBeNull();
    expect(await blurPlaceholder('/a/anim.gif', await photo(10, 10), { width: 10, height: 10 })).toBeNull();
    expect(await blurPlaceholder('/a/broken.png', new Uint8Array([1, 2, 3]), { width: 10, height: 10 })).toBeNull();
  });
});
