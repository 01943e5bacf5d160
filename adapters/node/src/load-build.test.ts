import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileReader } from './load-build.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function outDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nexxo-file-reader-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'prerendered'));
  return dir;
}

describe('fileReader', () => {
  it('reads a small file once and answers it from memory afterwards', async () => {
    const dir = outDir();
    writeFileSync(join(dir, 'prerendered', 'index.html'), '<p>home</p>');
    const read = fileReader(dir);
    expect(new TextDecoder().decode((await read('prerendered/index.html')) as Uint8Array)).toBe('<p>home</p>');
    // The build does not change while served: a second read does not go to the disk.
    rmSync(join(dir, 'prerendered', 'index.html'));
    expect(new TextDecoder().decode((await read('prerendered/index.html')) as Uint8Array)).toBe('<p>home</p>');
  });

  it('streams a large file, and answers null for a missing file, a folder or a path outside the output', async () => {
    const dir = outDir();
    writeFileSync(join(dir, 'prerendered', 'big.html'), 'x'.repeat(100 * 1024));
    const read = fileReader(dir);
    const big = await read('prerendered/big.html');
    expect(big).toBeInstanceOf(ReadableStream);
    expect((await new Response(big as ReadableStream).text()).length).toBe(100 * 1024);
    expect(await read('prerendered/missing.html')).toBeNull();
    expect(await read('prerendered')).toBeNull();
    expect(await read('../outside.txt')).toBeNull();
  });
});
