import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findMiddleware, isMiddlewarePath } from './find-middleware.js';

let root: string;
const app = (files: string[]) => {
  root = mkdtempSync(join(tmpdir(), 'nexxo-middleware-'));
  for (const file of files) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), '');
  }
  return root;
};
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('findMiddleware', () => {
  it('finds middleware.ts beside app/, and proxy.ts in src/ beside src/app', () => {
    expect(findMiddleware(app(['app/page.tsx', 'middleware.ts']), join(root, 'app'))).toBe(join(root, 'middleware.ts'));
    rmSync(root, { recursive: true });
    expect(findMiddleware(app(['src/app/page.tsx', 'src/proxy.ts', 'middleware.ts']), join(root, 'src/app'))).toBe(join(root, 'src/proxy.ts'));
  });

  it('returns null without one', () => {
    expect(findMiddleware(app(['app/page.tsx']), join(root, 'app'))).toBeNull();
  });

  it('refuses middleware.ts and proxy.ts together', () => {
    expect(() => findMiddleware(app(['app/page.tsx', 'middleware.ts', 'proxy.ts']), join(root, 'app'))).toThrow(expect.objectContaining({ code: 'NEXXO_DUPLICATE_MIDDLEWARE', message: expect.stringContaining('keep one of them') }));
  });

  it('tells dev which changed paths are middleware files', () => {
    expect(isMiddlewarePath('/r/src/app', '/r/src/middleware.ts')).toBe(true);
    expect(isMiddlewarePath('/r/app', '/r/app/middleware.ts')).toBe(false);
    expect(isMiddlewarePath('/r/app', '/r/proxy.js')).toBe(true);
  });
});
