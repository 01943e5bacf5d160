import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rolldown } from 'rolldown';
import { afterEach, describe, expect, it } from 'vitest';
import { fileFetchesPlugin } from './file-fetches.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function app(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'nexxo-file-fetches-'));
  dirs.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

async function bundle(root: string, entry: string): Promise<string> {
  const build = await rolldown({ input: join(root, entry), cwd: root, plugins: [fileFetchesPlugin(root)], logLevel: 'silent' });
  try {
    await build.write({ dir: join(root, 'out'), format: 'esm' });
  } finally {
    await build.close();
  }
  return join(root, 'out', entry.replace(/\.ts$/, '.js').split('/').pop()!);
}

describe('fetch(new URL(…, import.meta.url)) in server code', () => {
  it("answers with the file's bytes and type, wherever the bundle runs, and leaves other URLs alone", async () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 251, 255, 10, 39, 34]);
    const root = app({
      'assets/font.ttf': bytes,
      'app/og/route.ts': [
        "export const font = await fetch(new URL('../../assets/font.ttf', import.meta.url)).then((r) => r.arrayBuffer());",
        'export const type = await fetch( new URL("../../assets/font.ttf" , import.meta.url) ).then((r) => r.headers.get("content-type"));',
        "export const here = new URL('./other.txt', import.meta.url).pathname;",
      ].join('\n'),
    });
    const output = await bundle(root, 'app/og/route.ts');
    const module = (await import(pathToFileURL(output).href)) as { font: ArrayBuffer; type: string; here: string };
    expect([...new Uint8Array(module.font)]).toEqual([...bytes]);
    expect(module.type).toBe('font/ttf');
    // Not a fetch: the URL stays what the runtime makes of it.
    expect(module.here.endsWith('/other.txt')).toBe(true);
  });

  it('fails the build naming the module, the line and the missing file', async () => {
    const root = app({ 'app/og/route.ts': "const a = 1;\nexport const font = await fetch(new URL('./Missing.ttf', import.meta.url));\n" });
    await expect(bundle(root, 'app/og/route.ts')).rejects.toThrow(/app\/og\/route\.ts:2: fetch\(new URL\('\.\/Missing\.ttf', import\.meta\.url\)\) names a file that does not exist \(app\/og\/Missing\.ttf\)/);
  });
});
