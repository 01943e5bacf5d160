import type { ImageJob, ImageSource } from '@nexxo/runtime';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createImageOptimizer } from './image-optimizer.js';
import type { ImageEncoder } from './sharp-encoder.js';

const PNG: ImageSource = { bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), contentType: 'image/png', maxAge: 0 };

/** Encodes by describing the job; counts its calls; can be held to make requests overlap. */
function fakeEncoder() {
  let release: () => void = () => {};
  let gate: Promise<void> | null = null;
  const encoder = {
    calls: 0,
    hold() {
      gate = new Promise((resolve) => (release = resolve));
    },
    release: () => release(),
    async encode(source: ImageSource, options: { width: number; quality: number; format: string | null }) {
      encoder.calls++;
      await gate;
      return { bytes: new TextEncoder().encode(`${options.format} ${options.width} ${source.bytes.byteLength}`), contentType: options.format ?? source.contentType };
    },
  } satisfies ImageEncoder & Record<string, unknown>;
  return encoder;
}

function job(overrides: Partial<ImageJob> = {}, source: ImageSource = PNG): ImageJob & { loads: number } {
  const result = {
    cacheKey: 'key-1',
    width: 640,
    quality: 75,
    format: 'image/webp' as const,
    minimumCacheTTL: 60,
    loads: 0,
    loadSource: async () => {
      result.loads++;
      return source;
    },
    ...overrides,
  };
  return result;
}

const dirs: string[] = [];
const cacheDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'nexxo-image-cache-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('createImageOptimizer', () => {
  it('encodes once for identical requests that arrive together', async () => {
    const encoder = fakeEncoder();
    const optimizer = createImageOptimizer({ cacheDir: null, encoder });
    encoder.hold();
    const jobs = Array.from({ length: 5 }, () => job());
    const pending = jobs.map((each) => optimizer.optimize(each));
    encoder.release();
    const results = await Promise.all(pending);
    expect(encoder.calls).toBe(1);
    expect(jobs.reduce((sum, each) => sum + each.loads, 0)).toBe(1);
    expect(new Set(results.map((result) => result.etag)).size).toBe(1);
    expect(new TextDecoder().decode(results[0]!.bytes)).toBe('image/webp 640 7');
  });

  it('works on different keys separately', async () => {
    const encoder = fakeEncoder();
    const optimizer = createImageOptimizer({ cacheDir: null, encoder });
    await Promise.all([optimizer.optimize(job({ cacheKey: 'a' })), optimizer.optimize(job({ cacheKey: 'b', width: 750 }))]);
    expect(encoder.calls).toBe(2);
  });

  it('serves a result from the disk cache, also to a new optimizer (a restarted server)', async () => {
    const dir = cacheDir();
    const encoder = fakeEncoder();
    const first = await createImageOptimizer({ cacheDir: dir, encoder }).optimize(job());
    expect(readdirSync(dir)).toHaveLength(1);
    const again = job();
    const second = await createImageOptimizer({ cacheDir: dir, encoder }).optimize(again);
    expect(encoder.calls).toBe(1);
    expect(again.loads).toBe(0);
    expect(second).toEqual({ ...first, bytes: expect.any(Uint8Array) });
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
  });

  it('keeps a result for max(minimumCacheTTL, the source max-age), then makes it again', async () => {
    const dir = cacheDir();
    const encoder = fakeEncoder();
    let time = 1_000_000;
    const optimizer = createImageOptimizer({ cacheDir: dir, encoder, now: () => time });
    const result = await optimizer.optimize(job({ minimumCacheTTL: 60 }, { ...PNG, maxAge: 120 }));
    expect(result.maxAge).toBe(120);
    time += 119_000;
    await optimizer.optimize(job());
    expect(encoder.calls).toBe(1);
    time += 2_000;
    await optimizer.optimize(job());
    expect(encoder.calls).toBe(2);
  });

  it('treats a damaged cache file as a miss', async () => {
    const dir = cacheDir();
    const encoder = fakeEncoder();
    await createImageOptimizer({ cacheDir: dir, encoder }).optimize(job());
    writeFileSync(join(dir, readdirSync(dir)[0]!), 'garbage');
    const result = await createImageOptimizer({ cacheDir: dir, encoder }).optimize(job());
    expect(encoder.calls).toBe(2);
    expect(new TextDecoder().decode(result.bytes)).toBe('image/webp 640 7');
  });

  it('sends the source as it is when the encoder declines it, and shares a failure with every waiter', async () => {
    const optimizer = createImageOptimizer({ cacheDir: null, encoder: { encode: async () => null } });
    const svg: ImageSource = { bytes: new TextEncoder().encode('<svg/>'), contentType: 'image/svg+xml', maxAge: 0 };
    const result = await optimizer.optimize(job({}, svg));
    expect(result.contentType).toBe('image/svg+xml');
    expect(new TextDecoder().decode(result.bytes)).toBe('<svg/>');

    const failing = createImageOptimizer({ cacheDir: null, encoder: { encode: async () => Promise.reject(new Error('broken')) } });
    const outcomes = await Promise.allSettled([failing.optimize(job()), failing.optimize(job())]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    // Not remembered: the next request tries again.
    await expect(failing.optimize(job())).rejects.toThrow('broken');
  });
});
