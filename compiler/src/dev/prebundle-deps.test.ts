import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { prebundleDeps } from './prebundle-deps.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const dirs: string[] = [];
const outDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'nexxo-prebundle-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('prebundleDeps for the server environments', () => {
  it('bundles React under the rsc conditions, with the react-server build names as exports', async () => {
    const dir = outDir();
    const deps = prebundleDeps({ root, environment: 'rsc', outDir: dir, entries: ['react', 'react-server-dom-webpack/server.edge'] });
    const file = deps.imports.get('react')!;
    expect(file.startsWith(dir)).toBe(true);
    await deps.done;
    const react = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    // `cache` exists only in React's react-server build; `useState` only in the client one.
    expect(typeof react.cache).toBe('function');
    expect(react.useState).toBeUndefined();
    expect(react.default).toBeTypeOf('object');
    const server = (await import(pathToFileURL(deps.imports.get('react-server-dom-webpack/server.edge')!).href)) as Record<string, unknown>;
    expect(typeof server.renderToReadableStream).toBe('function');
  }, 60_000);

  it('bundles the ssr renderer under the node conditions', async () => {
    const dir = outDir();
    const deps = prebundleDeps({ root, environment: 'ssr', outDir: dir, entries: ['react', 'react-dom/server.edge'] });
    await deps.done;
    const react = (await import(pathToFileURL(deps.imports.get('react')!).href)) as Record<string, unknown>;
    expect(typeof react.useState).toBe('function');
    const server = (await import(pathToFileURL(deps.imports.get('react-dom/server.edge')!).href)) as Record<string, unknown>;
    expect(typeof server.renderToReadableStream).toBe('function');
  }, 60_000);

  it('reuses a written bundle when asked to and every entry file is there', async () => {
    const dir = outDir();
    await prebundleDeps({ root, environment: 'ssr', outDir: dir, entries: ['react'] }).done;
    const written = () => readdirSync(dir).map((name) => `${name} ${statSync(join(dir, name)).mtimeMs}`).sort();
    const before = written();
    const again = prebundleDeps({ root, environment: 'ssr', outDir: dir, entries: ['react'], reuseWritten: true });
    await again.done;
    expect(written()).toEqual(before);
    expect(again.imports.get('react')).toBe(join(dir, 'react_0.js'));
  }, 60_000);
});

describe('prebundleDeps for the browser', () => {
  it('names each entry by the URL it is served under', () => {
    const deps = prebundleDeps({ root, environment: 'client', outDir: outDir(), base: '/base/_nexxo/deps/', entries: ['react', 'react-dom/client'] });
    expect(deps.imports.get('react')).toBe('/base/_nexxo/deps/react_0.js');
    expect(deps.imports.get('react-dom/client')).toBe('/base/_nexxo/deps/react_dom_client_1.js');
    return deps.done;
  }, 60_000);
});

describe('prebundleDeps of modules of our own, for the browser', () => {
  it('keeps every export, default included, with one instance of a module two entries share, and the defines applied', async () => {
    const dir = outDir();
    writeFileSync(join(dir, 'state.mjs'), 'export const state = { count: 0, base: process.env.BASE };\n');
    writeFileSync(join(dir, 'a.mjs'), "import { state } from './state.mjs';\nexport default function a() { return ++state.count; }\nexport const name = 'a';\n");
    writeFileSync(join(dir, 'b.mjs'), "import { state } from './state.mjs';\nexport function b() { return [state.count, state.base]; }\n");
    const deps = prebundleDeps({ root, environment: 'client', outDir: join(dir, 'out'), base: '/_nexxo/deps/', entries: [join(dir, 'a.mjs'), join(dir, 'b.mjs')], define: { 'process.env.BASE': '"/docs"' } });
    expect(deps.imports.get(join(dir, 'a.mjs'))).toBe('/_nexxo/deps/a_0.js');
    await deps.done;
    const a = (await import(pathToFileURL(join(dir, 'out', 'a_0.js')).href)) as { default: () => number; name: string };
    const b = (await import(pathToFileURL(join(dir, 'out', 'b_1.js')).href)) as { b: () => [number, string] };
    expect(a.name).toBe('a');
    a.default();
    expect(b.b()).toEqual([1, '/docs']);
  }, 60_000);
});

describe('prebundleDeps setup modules', () => {
  it('runs them before the dependency loads', async () => {
    const dir = outDir();
    const setup = join(dir, 'setup.mjs');
    writeFileSync(setup, 'globalThis.__nexxoPrebundleSetupRan = (globalThis.__nexxoPrebundleSetupRan ?? 0) + 1;\n');
    const deps = prebundleDeps({ root, environment: 'rsc', outDir: join(dir, 'out'), entries: ['react'], setup: [setup] });
    await deps.done;
    expect((globalThis as { __nexxoPrebundleSetupRan?: number }).__nexxoPrebundleSetupRan).toBe(1);
  }, 60_000);
});
