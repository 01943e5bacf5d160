import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPostcssPlugins } from './postcss-config.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** An app with a PostCSS plugin installed as `fake-plugin` (it reports the options it was given). */
function app(files: Record<string, string>, type?: 'module'): string {
  const root = mkdtempSync(join(tmpdir(), 'nexxo-postcss-'));
  dirs.push(root);
  const all: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'app', ...(type ? { type } : {}) }),
    'node_modules/fake-plugin/package.json': '{ "name": "fake-plugin", "main": "index.js" }',
    'node_modules/fake-plugin/index.js': "module.exports = (options) => ({ postcssPlugin: 'fake', options: options ?? null });\n",
    ...files,
  };
  for (const [path, content] of Object.entries(all)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

describe('the PostCSS config', () => {
  it.each([
    ['postcss.config.js in a CommonJS package', { 'postcss.config.js': "module.exports = { plugins: { 'fake-plugin': { level: 1 } } };\n" }, undefined],
    ['postcss.config.js in an ES module package', { 'postcss.config.js': "export default { plugins: { 'fake-plugin': { level: 1 } } };\n" }, 'module' as const],
    ['postcss.config.cjs', { 'postcss.config.cjs': "module.exports = { plugins: { 'fake-plugin': { level: 1 } } };\n" }, 'module' as const],
    ['postcss.config.mjs', { 'postcss.config.mjs': "export default { plugins: { 'fake-plugin': { level: 1 } } };\n" }, undefined],
  ])('loads plugins named in %s, with their options', async (_name, files, type) => {
    expect(await loadPostcssPlugins(app(files, type))).toEqual([{ postcssPlugin: 'fake', options: { level: 1 } }]);
  });

  it('takes the array form, a function config and a plugin turned off', async () => {
    expect(await loadPostcssPlugins(app({ 'postcss.config.mjs': "export default { plugins: ['fake-plugin', ['fake-plugin', { level: 2 }]] };\n" }))).toEqual([
      { postcssPlugin: 'fake', options: null },
      { postcssPlugin: 'fake', options: { level: 2 } },
    ]);
    expect(await loadPostcssPlugins(app({ 'postcss.config.mjs': "export default ({ env }) => ({ plugins: { 'fake-plugin': { env } } });\n" }))).toEqual([{ postcssPlugin: 'fake', options: { env: process.env.NODE_ENV } }]);
    expect(await loadPostcssPlugins(app({ 'postcss.config.mjs': "export default { plugins: { 'fake-plugin': false } };\n" }))).toEqual([]);
  });

  it('is null without a config, and names the file and the fix for a missing plugin or a config that throws', async () => {
    expect(await loadPostcssPlugins(app({}))).toBeNull();
    await expect(loadPostcssPlugins(app({ 'postcss.config.mjs': "export default { plugins: { 'not-installed': {} } };\n" }))).rejects.toThrow(
      'postcss.config.mjs: the PostCSS plugin "not-installed" is not installed.\n  Fix: npm install --save-dev not-installed',
    );
    await expect(loadPostcssPlugins(app({ 'postcss.config.cjs': "throw new Error('broken');\n" }))).rejects.toThrow('postcss.config.cjs: the PostCSS config threw: broken');
  });
});
