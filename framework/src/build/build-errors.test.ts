import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoInternalStack, useAppBuilds } from '../../../test-utils/build-app.js';
import { minimalLayout } from '../../../test-utils/fixtures.js';

/** Builds a deliberately broken app and returns what the user sees. */
const build = useAppBuilds();

describe('Next.js compatibility', () => {
  it('resolves next/link, next/navigation and next/headers to Nexxo', () => {
    const { status, output } = build({
      'app/layout.tsx': minimalLayout,
      'app/page.tsx': "import Link from 'next/link';\nimport { notFound } from 'next/navigation';\nimport { headers } from 'next/headers';\nexport const dynamic = 'force-dynamic';\nexport default async function Page() { if (!(await headers())) notFound(); return <Link href='/x'>x</Link>; }",
    });
    expect(output).toContain('ƒ /');
    expect(status).toBe(0);
  });

  it('renders per request after connection() (next/server) or unstable_noStore() (next/cache)', () => {
    const { status, output } = build({
      'app/layout.tsx': minimalLayout,
      'app/now/page.tsx': "import { connection } from 'next/server';\nexport default async function Page() { await connection(); return <p>{Date.now()}</p>; }",
      'app/later/page.tsx': "import { unstable_noStore } from 'next/cache';\nexport default function Page() { unstable_noStore(); return <p>{Date.now()}</p>; }",
      'app/page.tsx': 'export default function Page() { return <p>static</p>; }',
    });
    expect(status, output).toBe(0);
    expect(output).toMatch(/ƒ \/now\b/);
    expect(output).toMatch(/ƒ \/later\b/);
    expect(output).toMatch(/○ \/ /);
  });

  it('bundles every file an import with a variable part can reach, through an alias too', () => {
    const { status, output, root } = build({
      'tsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["./*"] } } }',
      'app/layout.tsx': minimalLayout,
      'app/posts/[slug]/page.tsx': "export function generateStaticParams() { return [{ slug: 'first' }, { slug: 'second' }]; }\nexport default async function Post({ params }: { params: Promise<{ slug: string }> }) {\n  const { slug } = await params;\n  const { default: Content } = await import(`@/content/${slug}.mdx`);\n  const { note } = await import(`./notes/${slug}.ts`);\n  return <article><Content /><p>{note}</p></article>;\n}",
      'app/posts/[slug]/notes/first.ts': "export const note = 'note one';",
      'app/posts/[slug]/notes/second.ts': "export const note = 'note two';",
      'content/first.mdx': '# First post',
      'content/second.mdx': '# Second post',
    });
    expect(status, output).toBe(0);
    const html = (slug: string) => readFileSync(join(root, `.nexxo/prerendered/posts/${slug}.html`), 'utf8');
    expect(html('first')).toContain('<h1>First post</h1>');
    expect(html('first')).toContain('note one');
    expect(html('second')).toContain('<h1>Second post</h1>');
  });

  it('builds a JavaScript app whose jsconfig.json paths reach .js files, with a CommonJS package.json', () => {
    const { status, output, root } = build({
      'package.json': '{ "name": "js-app", "type": "commonjs" }',
      'jsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["./*"] } } }',
      'app/layout.js': minimalLayout,
      'app/page.js': "import { greeting } from '@/lib/greeting';\nexport default function Page() { return <p>{greeting}</p>; }",
      'lib/greeting.js': "import { name } from '@/lib/name';\nexport const greeting = 'hello ' + name;",
      'lib/name.js': "export const name = 'js';",
    });
    expect(status, output).toBe(0);
    expect(output).not.toContain('MODULE_TYPELESS_PACKAGE_JSON');
    expect(readFileSync(join(root, '.nexxo/prerendered/index.html'), 'utf8')).toContain('hello js');
  });

  it('fails on an import that does not resolve, naming the file and the specifier', () => {
    const { status, output } = build({ 'app/layout.tsx': minimalLayout, 'app/page.tsx': "import x from './missing';\nexport default function Page() { return <p>{x}</p>; }" });
    expect(status).toBe(1);
    expect(output).toContain("Could not resolve './missing' in app/page.tsx");
  });

  it('fails on a next/* import Nexxo does not provide, naming the import, the file and what to use', () => {
    const { status, output } = build({
      'app/layout.tsx': minimalLayout,
      'app/page.tsx': "import Head from 'next/head';\nexport default function Page() { return <><Head><title>x</title></Head><p>x</p></>; }",
      'app/nav.tsx': "'use client';\nimport { useRouter } from 'next/router';\nexport function Nav() { return <button onClick={() => useRouter().push('/')}>home</button>; }",
    });
    expect(status).toBe(1);
    expect(output).toContain('app/page.tsx: imports "next/head", which Nexxo does not provide.');
    expect(output).toContain('Fix: the Pages Router is not supported: export `metadata` or `generateMetadata`');
    expectNoInternalStack(output);
  });
});

describe('build errors a user can cause', () => {
  it('reports a missing root layout with the page and the layout to create', () => {
    const { status, output } = build({ 'app/page.tsx': 'export default function Page() { return <p>hi</p>; }' });
    expect(status).toBe(1);
    expect(output).toContain('app/page.tsx: this page has no root layout.');
    expect(output).toContain('create app/layout.tsx that renders <html> and <body>');
    expectNoInternalStack(output);
  });

  it('reports route.ts beside page.tsx in one segment', () => {
    const { status, output } = build({
      'app/layout.tsx': minimalLayout,
      'app/api/page.tsx': 'export default function Page() { return null; }',
      'app/api/route.ts': 'export function GET() { return new Response("x"); }',
    });
    expect(status).toBe(1);
    expect(output).toContain('app/api/route.ts: app/api/page.tsx is in the same segment.');
    expectNoInternalStack(output);
  });

  it('reports a page without a default export', () => {
    const { status, output } = build({ 'app/layout.tsx': minimalLayout, 'app/page.tsx': 'export function Page() { return <p>hi</p>; }' });
    expect(status).toBe(1);
    expect(output).toContain('app/page.tsx: this page has no default export.');
    expect(output).toContain('export default function Page()');
    expectNoInternalStack(output);
  });

  it('reports a client page that exports metadata', () => {
    const { status, output } = build({
      'app/layout.tsx': minimalLayout,
      'app/page.tsx': "'use client';\nexport const metadata = { title: 'x' };\nexport default function Page() { return <p>hi</p>; }",
    });
    expect(status).toBe(1);
    expect(output).toContain('app/page.tsx: this page is a client component ("use client") and exports `metadata`');
    expect(output).toContain('remove "use client" from this page');
    expectNoInternalStack(output);
  });

  it('reports a hook called in a server component with the line and the fix', () => {
    const { status, output } = build({
      'app/layout.tsx': minimalLayout,
      'app/page.tsx': "import { useState } from 'react';\n\nexport default function Page() {\n  const [n] = useState(0);\n  return <p>{n}</p>;\n}",
    });
    expect(status).toBe(1);
    expect(output).toContain('app/page.tsx:1: `useState` from "react" only works in a client component');
    expect(output).toContain('add "use client" at the top of this file');
    expectNoInternalStack(output);
  });

  it('reports segment config exported from a client page', () => {
    const { status, output } = build({
      'app/layout.tsx': minimalLayout,
      'app/page.tsx': "'use client';\nexport const dynamic = 'force-dynamic';\nexport default function Page() { return <p>hi</p>; }",
    });
    expect(status).toBe(1);
    expect(output).toContain('app/page.tsx: this page is a client component ("use client") and exports `dynamic`');
    expectNoInternalStack(output);
  });

  it('reports generateStaticParams that returns no array, naming the file', () => {
    const { status, output } = build({
      'app/layout.tsx': minimalLayout,
      'app/[id]/page.tsx': 'export function generateStaticParams() { return { id: "1" }; }\nexport default function Page() { return <p>hi</p>; }',
    });
    expect(status).toBe(1);
    expect(output).toContain('app/[id]/page.tsx: generateStaticParams returned object.');
    expect(output).toContain("Fix: return an array of params objects");
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('reports a generated param that is not a string', () => {
    const { status, output } = build({
      'app/layout.tsx': minimalLayout,
      'app/[id]/page.tsx': 'export function generateStaticParams() { return [{ id: 1 }]; }\nexport default function Page() { return <p>hi</p>; }',
    });
    expect(status).toBe(1);
    expect(output).toContain('generateStaticParams of /[id] returned {"id":1}. Each entry needs every param of the route as a non-empty string');
  });

  it('reports an error file that is not a client component', () => {
    const { status, output } = build({
      'app/layout.tsx': minimalLayout,
      'app/page.tsx': 'export default function Page() { return <p>hi</p>; }',
      'app/error.tsx': 'export default function Error() { return <p>oops</p>; }',
    });
    expect(status).toBe(1);
    expect(output).toContain('app/error.tsx: an error file must be a client component');
    expectNoInternalStack(output);
  });

  it('names the prop when a server component passes a function to a client component', () => {
    const { status, output } = build({
      'app/layout.tsx': minimalLayout,
      'app/button.tsx': "'use client';\nexport function Button(props: { onClick: () => void }) { return <button onClick={props.onClick}>go</button>; }",
      'app/page.tsx': "import { Button } from './button';\nexport default function Page() { return <Button onClick={() => console.log('hi')} />; }",
    });
    expect(status).toBe(1);
    expect(output).toContain('Event handlers cannot be passed to Client Component props.');
    expect(output).toContain('{onClick: function onClick}');
    expect(output).not.toContain('at renderModelDestructive');
    expect(output).toContain('Error while prerendering / (route /');
  });
});
