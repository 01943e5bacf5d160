import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoInternalStack, useAppBuilds } from '../../../test-utils/build-app.js';
import { minimalLayout, writeApp } from '../../../test-utils/fixtures.js';
import { cli, startServer, type TestServer } from '../../../test-utils/server.js';

/** A blog in MDX, as a Next.js app using `@next/mdx` has it. */
const blogApp: Record<string, string> = {
  'nexxo.config.ts': `
function remarkFooter() {
  return (tree: { children: unknown[] }) => {
    tree.children.push({ type: 'paragraph', children: [{ type: 'text', value: 'Added by a remark plugin' }] });
  };
}
export default { pageExtensions: ['tsx', 'mdx'], mdx: { remarkPlugins: [remarkFooter] } };
`,
  'app/layout.tsx': minimalLayout,
  'mdx-components.tsx': `import type { ReactNode } from 'react';
function Heading({ children }: { children?: ReactNode }) {
  return <h1 className="styled-heading">{children}</h1>;
}
export function useMDXComponents(components?: Record<string, unknown>) {
  return { ...components, h1: Heading };
}
`,
  'components/badge.tsx': 'export function Badge({ label }: { label: string }) { return <span id="badge">{label}</span>; }\n',
  'components/counter.tsx': `'use client';
import { useState } from 'react';
export function Counter() {
  const [count, setCount] = useState(0);
  return <button id="counter" onClick={() => setCount(count + 1)}>count is {count}</button>;
}
`,
  'app/blog/page.mdx': `import { Badge } from '../../components/badge';
import { Counter } from '../../components/counter';

export const metadata = { title: 'An MDX post' };

# Hello from MDX

Some *emphasis* and a [link](/notes).

<Badge label="An imported component" />

<Counter />
`,
  'app/notes/post.mdx': '# Imported title\n\n## Imported MDX\n',
  'app/notes/page.tsx': "import Post from './post.mdx';\nexport default function Notes() { return <article id=\"notes\"><Post /></article>; }\n",
};

/** What every MDX page of the blog app renders, in dev and in production. */
async function expectBlogPages(server: TestServer): Promise<void> {
  const blog = await fetch(server.url + '/blog');
  expect(blog.status).toBe(200);
  const html = await blog.text();
  expect(html).toContain('<title>An MDX post</title>');
  expect(html).toContain('<h1 class="styled-heading">Hello from MDX</h1>');
  expect(html).toContain('<em>emphasis</em>');
  expect(html).toContain('<a href="/notes">link</a>');
  expect(html).toContain('<span id="badge">An imported component</span>');
  // A client component inside a server-rendered MDX page: SSR'd, and a client reference in the payload.
  expect(html).toContain('<button id="counter">count is <!-- -->0</button>');
  expect(html).toContain('Added by a remark plugin');

  const notes = await (await fetch(server.url + '/notes')).text();
  expect(notes).toContain('<article id="notes"><h1 class="styled-heading">Imported title</h1>');
  expect(notes).toContain('<h2>Imported MDX</h2>');
  // post.mdx is not named page.mdx: not a route.
  expect((await fetch(server.url + '/notes/post')).status).toBe(404);
}

describe('MDX pages', () => {
  let root: string;
  beforeAll(() => {
    root = writeApp(blogApp);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('builds page.mdx and imported .mdx files, with mdx-components, metadata and plugins', async () => {
    const build = spawnSync(process.execPath, [cli, 'build', root], { encoding: 'utf8', timeout: 60_000 });
    expect(build.stdout + build.stderr).not.toContain('✖');
    expect(build.status).toBe(0);
    expect(build.stdout).toMatch(/\/blog/);
    const server = await startServer(root);
    try {
      await expectBlogPages(server);
    } finally {
      await server.stop();
    }
  });

  it('serves MDX in dev, and re-renders an edited page.mdx like a server component', async () => {
    const server = await startServer(root, 15_000, 'dev');
    const page = join(root, 'app/blog/page.mdx');
    const original = readFileSync(page, 'utf8');
    try {
      await expectBlogPages(server);
      const events = await openEvents(server.url);
      try {
        writeFileSync(page, original.replace('# Hello from MDX', '# Edited in dev'));
        const message = await events.next((data) => data.type === 'server-update' || data.type === 'reload' || data.type === 'error');
        expect(message.type).toBe('server-update');
        expect(await (await fetch(server.url + '/blog')).text()).toContain('<h1 class="styled-heading">Edited in dev</h1>');

        // A syntax error shows where it is; fixing it brings the page back.
        writeFileSync(page, original.replace('# Hello from MDX', '# Hello {broken'));
        expect((await events.next((data) => data.type === 'error')) as unknown).toMatchObject({ error: { file: 'app/blog/page.mdx', line: 6, column: 16 } });
        const broken = await fetch(server.url + '/blog');
        expect(broken.status).toBe(500);
        expect(await broken.text()).toContain('MDX could not compile this file');
        writeFileSync(page, original);
        await events.next((data) => data.type === 'clear-error');
        await events.next((data) => data.type === 'server-update');
        expect(await (await fetch(server.url + '/blog')).text()).toContain('<h1 class="styled-heading">Hello from MDX</h1>');

        // Removing mdx-components leaves MDX's own elements; adding it back applies it again.
        const components = join(root, 'mdx-components.tsx');
        const componentsSource = readFileSync(components, 'utf8');
        rmSync(components);
        await events.next((data) => data.type === 'server-update');
        expect(await (await fetch(server.url + '/blog')).text()).toContain('<h1>Hello from MDX</h1>');
        writeFileSync(components, componentsSource);
        await events.next((data) => data.type === 'server-update');
        expect(await (await fetch(server.url + '/blog')).text()).toContain('<h1 class="styled-heading">Hello from MDX</h1>');
      } finally {
        await events.close();
      }
    } finally {
      writeFileSync(page, original);
      await server.stop();
    }
  });
});

describe('MDX errors', () => {
  const build = useAppBuilds();

  it('names the file, line and column and the MDX message', () => {
    const { status, output } = build({
      'nexxo.config.mjs': "export default { pageExtensions: ['tsx', 'mdx'] };",
      'app/layout.tsx': minimalLayout,
      'app/page.mdx': '# Title\n\nSome text\n\nAn {unclosed expression\n',
    });
    expect(status).not.toBe(0);
    expect(output).toContain('app/page.mdx:5:24: MDX could not compile this file: Unexpected end of file in expression, expected a corresponding closing brace for `{`');
    expect(output).toContain('Fix: in MDX, `{` starts a JavaScript expression');
    expectNoInternalStack(output);
  });

  it('routes page.md only when md is a page extension', () => {
    const files = { 'app/layout.tsx': minimalLayout, 'app/page.tsx': 'export default function Home() { return <p>home</p>; }', 'app/about/page.md': '# About\n\nPlain markdown.\n' };
    expect(build(files).output).not.toMatch(/\/about/);
    const { status, output } = build({ ...files, 'nexxo.config.mjs': "export default { pageExtensions: ['tsx', 'md'] };" });
    expect(output).not.toContain('✖');
    expect(status).toBe(0);
    expect(output).toMatch(/\/about/);
  });
});

/** The dev server's event stream, read as JSON messages. */
async function openEvents(url: string): Promise<{ next: (match: (data: { type: string }) => boolean) => Promise<{ type: string }>; close: () => Promise<void> }> {
  const controller = new AbortController();
  const response = await fetch(url + '/_nexxo/dev/events', { signal: controller.signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return {
    async next(match) {
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!frame.startsWith('data: ')) continue;
          const data = JSON.parse(frame.slice('data: '.length)) as { type: string };
          if (match(data)) return data;
        }
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
      }
      throw new Error(`no matching dev message; last data: ${buffer}`);
    },
    close: async () => {
      controller.abort();
      await reader.cancel().catch(() => {});
    },
  };
}
