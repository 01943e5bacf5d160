import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(packageRoot + 'package.json', 'utf8')) as { exports: Record<string, string | Record<string, string>>; bin: Record<string, string> };

describe('the nexxo package', () => {
  it('points every exports condition at a file the build emits', () => {
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      const files = typeof target === 'string' ? [target] : Object.values(target);
      for (const file of files) expect(existsSync(packageRoot + file), `${subpath} → ${file}`).toBe(true);
    }
    expect(existsSync(packageRoot + manifest.bin.nexxo!)).toBe(true);
  });

  it('documents the public subpaths users import', () => {
    expect(Object.keys(manifest.exports)).toEqual(expect.arrayContaining(['./link', './navigation', './headers', './script', './dynamic', './font/local', './font/google', './image']));
  });

  it('declares the types of every next/* module the build resolves, for apps that keep those imports', async () => {
    const { SUPPORTED_NEXT_MODULES } = await import(packageRoot + 'dist/build/next-compat.js');
    const declarations = readFileSync(packageRoot + 'types/next.d.ts', 'utf8');
    for (const [next, nexxo] of Object.entries(SUPPORTED_NEXT_MODULES as Record<string, string>)) {
      expect(declarations).toContain(`declare module '${next}' {\n  export * from '${nexxo}';`);
      expect(manifest.exports['./' + nexxo.slice('nexxo/'.length)], nexxo).toBeDefined();
    }
  });

  it('gives server-only and client-only APIs their react-server split', async () => {
    const navigation = manifest.exports['./navigation'] as Record<string, string>;
    const server = await import(packageRoot + navigation['react-server']!);
    expect(() => server.useRouter()).toThrow(/only works in client components/);
    const headers = manifest.exports['./headers'] as Record<string, string>;
    const client = await import(packageRoot + headers.default!);
    expect(() => client.cookies()).toThrow(/only works in server components/);
  });
});
