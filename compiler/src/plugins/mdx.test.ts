import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mdxErrorMessage, mdxPlugin, type MdxOptions } from './mdx.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** The plugin's transform as Rolldown calls it, for a file in a fresh app folder. */
function setup(options: Partial<MdxOptions> = {}) {
  const root = mkdtempSync(join(tmpdir(), 'nexxo-mdx-'));
  roots.push(root);
  const plugin = mdxPlugin({ componentsFile: null, md: false, development: false, ...options });
  (plugin.buildStart as (this: unknown, input: { cwd: string }) => void).call({}, { cwd: root });
  const transform = plugin.transform as { filter: { id: RegExp }; handler: (this: unknown, code: string, id: string) => Promise<{ code: string; moduleType: string } | null> };
  const context = {
    error(message: string): never {
      throw new Error(message);
    },
  };
  return {
    root,
    handles: (file: string) => transform.filter.id.test(join(root, file)),
    compile: (code: string, file = 'app/page.mdx') => transform.handler.call(context, code, join(root, file)),
  };
}

describe('mdxPlugin', () => {
  it('compiles MDX to a JavaScript module that keeps its ESM exports', async () => {
    const { compile } = setup();
    const result = await compile("export const metadata = { title: 'Post' };\n\n# Hello\n");
    expect(result?.moduleType).toBe('js');
    expect(result?.code).toContain('export const metadata');
    expect(result?.code).toContain('export default function MDXContent');
    expect(result?.code).not.toContain('_provideComponents');
  });

  it('takes every file\'s components from the mdx-components file when there is one', async () => {
    const { compile } = setup({ componentsFile: '/app/mdx-components.tsx' });
    const result = await compile('# Hello\n');
    expect(result?.code).toContain('import {useMDXComponents as _provideComponents} from "/app/mdx-components.tsx"');
  });

  it('compiles .md only when asked, and leaves queried imports alone', () => {
    expect(setup().handles('app/page.md')).toBe(false);
    expect(setup({ md: true }).handles('app/page.md')).toBe(true);
    expect(setup().handles('app/page.mdx?raw')).toBe(false);
  });

  it('passes remark plugins to the compiler', async () => {
    const remarkShout = () => (tree: { children: Array<{ type: string; children?: Array<{ value?: string }> }> }) => {
      for (const node of tree.children) for (const child of node.children ?? []) if (child.value) child.value = child.value.toUpperCase();
    };
    const { compile } = setup({ remarkPlugins: [remarkShout] });
    expect((await compile('quiet words\n'))?.code).toContain('"QUIET WORDS"');
  });

  it('reports a syntax error with the file, line and column relative to the app', async () => {
    const { compile } = setup();
    await expect(compile('# Title\n\n{1 +}\n', 'app/blog/page.mdx')).rejects.toThrow(/^app\/blog\/page\.mdx:3:5: MDX could not compile this file: Could not parse expression with acorn\n  Fix: in MDX, `\{` starts/);
    // This one has its place only in the message.
    await expect(compile('# Title\n\n<div>\n', 'app/blog/page.mdx')).rejects.toThrow(/^app\/blog\/page\.mdx:3:1: MDX could not compile this file: Expected a closing tag for `<div>`/);
  });
});

describe('mdxErrorMessage', () => {
  it('points an error without a place (say, from a plugin) at the plugins in the config', () => {
    expect(mdxErrorMessage(new Error('plugin exploded'), 'app/page.mdx')).toBe(
      'app/page.mdx: MDX could not compile this file: plugin exploded\n  Fix: if the message comes from a remark, rehype or recma plugin, check that plugin and its options in `mdx` in nexxo.config.',
    );
  });
});
