import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { NexxoConfigError } from './config-error.js';
import { CONFIG_CACHE_DIR } from './import-config-module.js';
import { loadConfig } from './load-config.js';
import { IMAGE_DEFAULTS } from './resolve-images.js';

// Inside the repo, so that bare imports in a config resolve from the workspace's node_modules.
const appsDir = fileURLToPath(new URL('../../../.cache/test-config/', import.meta.url));
const apps: string[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) rmSync(app, { recursive: true, force: true });
});

function writeApp(files: Record<string, string>): string {
  mkdirSync(appsDir, { recursive: true });
  const root = mkdtempSync(join(appsDir, 'app-'));
  apps.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** The error loadConfig rejects with; fails the test when it resolves. */
async function loadError(root: string): Promise<NexxoConfigError> {
  const error = (await loadConfig(root, 'production').then(
    () => null,
    (reason: unknown) => reason,
  )) as NexxoConfigError | null;
  expect(error, 'loadConfig should have failed').not.toBeNull();
  expect(error!.code).toBe('NEXXO_CONFIG');
  return error!;
}

describe('loading a config file', () => {
  it('returns the defaults when the app has no config file', async () => {
    const root = writeApp({ 'app/page.tsx': '' });
    const config = await loadConfig(root, 'development');
    expect(config.configFile).toBeNull();
    expect(config.routing).toEqual({ basePath: '', trailingSlash: false, redirects: [], rewrites: { beforeFiles: [], afterFiles: [], fallback: [] }, headers: [] });
    expect(config.images).toEqual(IMAGE_DEFAULTS);
    expect(config.images.deviceSizes).toEqual([640, 750, 828, 1080, 1200, 1920, 2048, 3840]);
    expect(config.plugins).toEqual({ rsc: [], ssr: [], client: [] });
    expect(config.pageExtensions).toEqual(['tsx', 'ts', 'jsx', 'js']);
    expect(config.mdx).toEqual({ remarkPlugins: [], rehypePlugins: [], recmaPlugins: [] });
  });

  it('compiles a TypeScript config with type, node:, package and relative imports', async () => {
    const root = writeApp({
      'nexxo.config.ts': [
        "import type { NexxoConfig } from 'nexxo';",
        "import { join } from 'node:path';",
        "import { pathToRegexp } from 'path-to-regexp';",
        "import { docsPath } from './lib/paths';",
        '',
        'const config: NexxoConfig = {',
        "  basePath: join('/', docsPath),",
        "  env: { MATCHER: typeof pathToRegexp, CONFIG_URL: import.meta.url, CONFIG_DIR: __dirname },",
        "  alias: { '@': './src', react: 'preact/compat' },",
        '};',
        'export default config;',
      ].join('\n'),
      'lib/paths.ts': "export const docsPath: string = 'docs';\n",
    });
    const config = await loadConfig(root, 'production');
    expect(config.configFile).toBe(join(root, 'nexxo.config.ts'));
    expect(config.routing.basePath).toBe('/docs');
    // The compiled copy runs from node_modules/.cache; file-relative values are the original's.
    expect(config.env).toEqual({ MATCHER: 'function', CONFIG_URL: pathToFileURL(join(root, 'nexxo.config.ts')).href, CONFIG_DIR: root });
    expect(config.alias).toEqual({ '@': join(root, 'src'), react: 'preact/compat' });
  });

  it('loads an .mjs config', async () => {
    const root = writeApp({ 'nexxo.config.mjs': 'export default { trailingSlash: true };\n' });
    expect((await loadConfig(root, 'production')).routing.trailingSlash).toBe(true);
  });

  it('loads an .mts config with types', async () => {
    const root = writeApp({ 'nexxo.config.mts': "import { defineConfig } from 'nexxo';\nconst base: string = '/docs';\nexport default defineConfig({ basePath: base });\n" });
    expect((await loadConfig(root, 'production')).routing.basePath).toBe('/docs');
  });

  it('loads a CommonJS config written for next.config.js', async () => {
    const root = writeApp({ 'nexxo.config.js': "const path = require('node:path');\nmodule.exports = { basePath: path.posix.join('/', 'shop') };\n" });
    expect((await loadConfig(root, 'production')).routing.basePath).toBe('/shop');
  });

  it('calls a config function with the mode', async () => {
    const root = writeApp({ 'nexxo.config.ts': "export default async ({ mode }: { mode: string }) => ({ env: { MODE: mode } });\n" });
    expect((await loadConfig(root, 'development')).env).toEqual({ MODE: 'development' });
    expect((await loadConfig(root, 'production')).env).toEqual({ MODE: 'production' });
  });

  it('awaits redirects, rewrites and headers and puts an array of rewrites after files', async () => {
    const root = writeApp({
      'nexxo.config.ts': [
        'export default {',
        "  async redirects() { return [{ source: '/old', destination: '/new', permanent: true }]; },",
        "  async rewrites() { return [{ source: '/a', destination: '/b' }]; },",
        "  headers: () => [{ source: '/(.*)', headers: [{ key: 'x-frame-options', value: 'DENY' }] }],",
        '};',
      ].join('\n'),
    });
    const { routing } = await loadConfig(root, 'production');
    expect(routing.redirects).toEqual([{ source: '/old', destination: '/new', permanent: true }]);
    expect(routing.rewrites).toEqual({ beforeFiles: [], afterFiles: [{ source: '/a', destination: '/b' }], fallback: [] });
    expect(routing.headers[0]!.headers).toEqual([{ key: 'x-frame-options', value: 'DENY' }]);
  });

  it('keeps rewrite phases, merges plugins per environment and converts URL remote patterns', async () => {
    const root = writeApp({
      'image-loader.ts': 'export default ({ src }: { src: string }) => src;\n',
      'nexxo.config.ts': [
        'export default {',
        "  rewrites: async () => ({ fallback: [{ source: '/:path*', destination: 'https://old.example.com/:path*' }] }),",
        "  plugins: { all: [{ name: 'a' }], client: [false, { name: 'c' }] },",
        "  images: { remotePatterns: [new URL('https://cdn.example.com/img/**')], loaderFile: './image-loader.ts', deviceSizes: [1200, 640] },",
        '};',
      ].join('\n'),
    });
    const config = await loadConfig(root, 'production');
    expect(config.routing.rewrites.fallback).toHaveLength(1);
    expect(config.plugins).toEqual({ rsc: [{ name: 'a' }], ssr: [{ name: 'a' }], client: [{ name: 'a' }, { name: 'c' }] });
    expect(config.images.remotePatterns).toEqual([{ protocol: 'https', hostname: 'cdn.example.com', port: '', pathname: '/img/**', search: '' }]);
    expect(config.images).toMatchObject({ loader: 'custom', loaderFile: join(root, 'image-loader.ts'), deviceSizes: [640, 1200] });
  });

  it('removes the compiled copy after importing it', async () => {
    const root = writeApp({ 'nexxo.config.ts': 'export default {};\n' });
    await loadConfig(root, 'production');
    expect(readdirSync(join(root, CONFIG_CACHE_DIR))).toEqual([]);
  });

  it('sees edits to the config and its imports when loaded again', async () => {
    const root = writeApp({ 'nexxo.config.ts': "import { base } from './base';\nexport default { basePath: base };\n", 'base.ts': "export const base = '/one';\n" });
    expect((await loadConfig(root, 'development')).routing.basePath).toBe('/one');
    writeFileSync(join(root, 'base.ts'), "export const base = '/two';\n");
    expect((await loadConfig(root, 'development')).routing.basePath).toBe('/two');
  });
});

describe('config errors', () => {
  it('points at the original line and column when the config throws while loading', async () => {
    const root = writeApp({
      'nexxo.config.ts': "interface Options { strict: boolean }\nconst options: Options = { strict: true };\nif (options.strict) throw new Error('config refused to load');\nexport default {};\n",
    });
    const error = await loadError(root);
    expect(error.message).toContain('nexxo.config.ts: loading it threw an error at nexxo.config.ts:3:27.');
    expect(error.message).toContain('Error: config refused to load');
    expect(error.message).toContain("> 3 | if (options.strict) throw new Error('config refused to load');");
  });

  it('points at the original line when redirects() throws', async () => {
    const root = writeApp({
      'nexxo.config.ts': [
        "import type { NexxoConfig } from 'nexxo';",
        '',
        'const config: NexxoConfig = {',
        '  async redirects() {',
        "    const reason: string = 'no redirects today';",
        '    throw new Error(reason);',
        '  },',
        '};',
        'export default config;',
      ].join('\n'),
    });
    const error = await loadError(root);
    expect(error.message).toContain('redirects() threw an error at nexxo.config.ts:6:11.');
    expect(error.message).toContain('Error: no redirects today');
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('points into a helper module the config imports', async () => {
    const root = writeApp({
      'nexxo.config.ts': "import { check } from './check';\nexport default ({ mode }: { mode: string }) => { check(mode); return {}; };\n",
      'check.ts': "export function check(mode: string): void {\n  if (mode === 'production') throw new TypeError('not in production');\n}\n",
    });
    const error = await loadError(root);
    expect(error.message).toContain('the exported config function threw an error at check.ts:2:36.');
    expect(error.message).toContain('TypeError: not in production');
  });

  it('names the config, not its compiled copy, when a package it imports is missing', async () => {
    const root = writeApp({ 'nexxo.config.ts': "import plugin from 'nexxo-test-no-such-package';\nexport default { plugins: [plugin()] };\n" });
    const { message } = await loadError(root);
    expect(message).toContain("Cannot find package 'nexxo-test-no-such-package' imported from nexxo.config.ts");
    expect(message).toContain('install the missing one, or fix the import in nexxo.config.ts');
  });

  it('reports a syntax error with file, line and column', async () => {
    const root = writeApp({ 'nexxo.config.ts': 'const a = 1;\nexport default {\n  basePath: 1 +,\n};\n' });
    const error = await loadError(root);
    expect(error.message).toContain('Could not compile nexxo.config.ts:');
    expect(error.message).toContain('nexxo.config.ts:3:16: Unexpected token');
  });

  it('reports a relative import that does not exist', async () => {
    const root = writeApp({ 'nexxo.config.ts': "import { base } from './base';\nexport default { basePath: base };\n" });
    const { message } = await loadError(root);
    expect(message).toContain('nexxo.config.ts:1:22: Could not resolve');
    expect(message).toContain("'./base'");
  });

  it('reports a config without a default export', async () => {
    const root = writeApp({ 'nexxo.config.mjs': 'export const config = {};\n' });
    expect((await loadError(root)).message).toBe('nexxo.config.mjs has no default export. It exports `config`, but Nexxo reads the default one: `export default defineConfig({ ... })`.');
  });

  it('reports a default export that is not an object or a function', async () => {
    const root = writeApp({ 'nexxo.config.ts': 'export default 42;\n' });
    expect((await loadError(root)).message).toContain('The default export of nexxo.config.ts is the number 42; it must be a config object or a function that returns one');
  });

  it('names both files when an app has two configs', async () => {
    const root = writeApp({ 'nexxo.config.ts': 'export default {};\n', 'nexxo.config.mjs': 'export default {};\n' });
    expect((await loadError(root)).message).toContain('Found `nexxo.config.ts` and `nexxo.config.mjs`');
  });

  it('reports invalid options with the file name', async () => {
    const root = writeApp({ 'nexxo.config.ts': 'export default { trailingSlashes: true };\n' });
    expect((await loadError(root)).message).toBe('Unknown option `trailingSlashes` in nexxo.config.ts. Did you mean `trailingSlash`?');
  });

  it('checks the rules that redirects() returns', async () => {
    const root = writeApp({ 'nexxo.config.ts': "export default { redirects: async () => [{ source: '/a', destination: '/b' }] };\n" });
    expect((await loadError(root)).message).toContain('`redirects()[0]` in nexxo.config.ts needs `permanent: true` (308)');
  });

  it('reports a loader file that does not exist', async () => {
    const root = writeApp({ 'nexxo.config.ts': "export default { images: { loaderFile: './missing-loader.ts' } };\n" });
    expect((await loadError(root)).message).toContain("`images.loaderFile` in nexxo.config.ts is './missing-loader.ts', but");
  });
});
