import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { prebundleServerRuntime, type RuntimePrebundleOptions } from './prebundle-runtime.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A small server runtime: an entry that reads a generated module, a client component, and the reference registrar. */
function runtime(): Omit<RuntimePrebundleOptions, 'reuseWritten'> {
  const root = mkdtempSync(join(tmpdir(), 'nexxo-runtime-prebundle-'));
  dirs.push(root);
  mkdirSync(join(root, 'runtime'));
  const file = (name: string, code: string) => {
    writeFileSync(join(root, 'runtime', name), code);
    return join(root, 'runtime', name);
  };
  const register = file('register.js', 'export function registerClientReference(value, id, name) { return { $$id: `${id}#${name}` }; }\n');
  const link = file('link.js', "'use client';\nexport function Link() { return null; }\n");
  const entry = file('entry.js', "import { title } from 'virtual:nexxo/app';\nimport { Link } from './link.js';\nexport function render() { return `${title} ${Link.$$id}`; }\nexport const basePath = process.env.BASE;\n");
  return {
    root,
    outDir: join(root, 'out'),
    entries: [entry, register, link],
    specifiers: new Map([['runtime/link', link]]),
    generated: { 'virtual:nexxo/app': 'export const title = "example";' },
    registerClientReferenceModule: register,
    prebundled: new Map(),
    define: { 'process.env.BASE': '"/docs"' },
  };
}

describe('prebundleServerRuntime', () => {
  it('bundles the runtime with slots for the generated modules, and reports its client components', async () => {
    const options = runtime();
    const bundled = prebundleServerRuntime(options);
    const references = await bundled.references;
    expect(references.map((reference) => [reference.file, reference.exports])).toEqual([[options.entries[2], ['Link']]]);
    expect(bundled.imports.get('runtime/link')).toBe(bundled.imports.get(options.entries[2]!));
    const slot = (await import(pathToFileURL(bundled.imports.get('virtual:nexxo/app')!).href)) as { __nexxoFill(values: object): void };
    const entry = (await import(pathToFileURL(bundled.imports.get(options.entries[0]!)!).href)) as { render(): string; basePath: string };
    slot.__nexxoFill({ title: 'filled by the build' });
    expect(entry.render()).toBe(`filled by the build ${references[0]!.id}#Link`);
    expect(entry.basePath).toBe('/docs');
  });

  it('uses a bundle already written for the same settings, and names one for other settings apart', async () => {
    const options = runtime();
    const first = prebundleServerRuntime(options);
    await first.done;
    const entryFile = first.imports.get(options.entries[0]!)!;
    const written = statSync(entryFile).mtimeMs;
    const again = prebundleServerRuntime({ ...options, reuseWritten: true });
    expect((await again.references).length).toBe(1);
    expect(statSync(entryFile).mtimeMs).toBe(written);
    const otherSettings = prebundleServerRuntime({ ...options, define: { 'process.env.BASE': '"/blog"' }, reuseWritten: true });
    await otherSettings.done;
    expect(otherSettings.imports.get(options.entries[0]!)).not.toBe(entryFile);
  });
});
