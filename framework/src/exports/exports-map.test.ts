import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeApp } from '../../../test-utils/fixtures.js';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
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

  it("type-checks an app that keeps its next/* imports and Next's PageProps/LayoutProps globals", () => {
    const root = writeApp({
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'ES2022', lib: ['ES2022', 'DOM'], jsx: 'react-jsx', module: 'esnext', moduleResolution: 'bundler', skipLibCheck: true }, include: ['nexxo-env.d.ts', '**/*.tsx'] }),
      'nexxo-env.d.ts': '/// <reference types="nexxo/types" />\n/// <reference types="nexxo/types/next" />\n',
      'app/page.tsx': "import Link from 'next/link';\nimport { notFound } from 'next/navigation';\nimport type { Metadata } from 'next';\nexport const metadata: Metadata = { title: 'x' };\nexport default async function Page({ params }: PageProps<'/[slug]'>) {\n  const { slug } = await params;\n  if (!slug) notFound();\n  return <Link href={`/${slug}`}>x</Link>;\n}\nexport function Shell({ children }: LayoutProps<'/'>) { return <main>{children}</main>; }\n",
      'app/wrong.tsx': "import { nothing } from 'next/link';\nexport const value = nothing;\n",
    });
    try {
      const result = spawnSync(process.execPath, [tsc, '-p', root], { encoding: 'utf8', timeout: 120_000 });
      // The types are real: a name next/link (nexxo/link) lacks is an error, the rest checks.
      expect(result.stdout).toMatch(/app\/wrong\.tsx\(1,10\): error TS\d+: Module '"next\/link"' has no exported member 'nothing'/);
      expect(result.stdout.trim().split('\n')).toHaveLength(1);
    } finally {
      rmSync(root, { recursive: true, force: true });
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
