// Generates one App Router app that runs unchanged under Nexxo and Next.js: nested layouts, a
// dynamic route with generateStaticParams, a client component with state, a Suspense boundary
// around an async server component, a route handler and metadata. Two pages render per request
// (`export const dynamic = 'force-dynamic'`) so production serving can be measured on them:
// /dynamic (plain SSR) and /streamed (a Suspense boundary whose content streams in later).
// `components` spreads that many small server components over the numbered pages.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function generateApp(root, { routes = 30, components = 0 } = {}) {
  rmSync(root, { recursive: true, force: true });
  const write = (path, content) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content.trimStart());
  };
  const sections = Math.max(1, Math.ceil(routes / 10));
  const pagePaths = [];
  const perPage = Math.ceil(components / routes);
  for (let index = 0; index < components; index++) {
    write(`components/widget-${index}.tsx`, `
export function Widget${index}({ label }: { label: string }) {
  return <div className="widget" data-widget="${index}"><strong>Widget ${index}</strong> {label}</div>;
}
`);
  }
  for (let section = 0; section < sections; section++) {
    write(`app/section-${section}/layout.tsx`, `
import type { ReactNode } from 'react';

export default function Section${section}Layout({ children }: { children: ReactNode }) {
  return <section data-section="${section}"><h2>Section ${section}</h2>{children}</section>;
}
`);
    for (let page = 0; page < 10 && pagePaths.length < routes; page++) {
      const path = `/section-${section}/page-${page}`;
      const widgets = Array.from({ length: perPage }, (_, offset) => pagePaths.length * perPage + offset).filter((index) => index < components);
      pagePaths.push(path);
      write(`app${path}/page.tsx`, `
import Link from 'next/link';
${widgets.map((index) => `import { Widget${index} } from '../../../components/widget-${index}';`).join('\n')}

export default function Page() {
  return (
    <main>
      <h1>Page ${section}.${page}</h1>
      <p>Static content for page ${page} of section ${section}.</p>
      ${widgets.map((index) => `<Widget${index} label="on page ${section}.${page}" />`).join('\n      ')}
      <Link href="/">Home</Link>
    </main>
  );
}
`);
    }
  }
  write('app/layout.tsx', `
import type { ReactNode } from 'react';
import Link from 'next/link';

export const metadata = { title: 'Benchmark app', description: 'Generated for Nexxo vs Next.js' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <nav>
          <Link href="/">Home</Link> <Link href="/blog/first">Blog</Link> <Link href="${pagePaths[0] ?? '/'}">First page</Link>
        </nav>
        {children}
      </body>
    </html>
  );
}
`);
  write('app/page.tsx', `
import { Suspense } from 'react';
import { Counter } from './counter';

async function SlowQuote() {
  await new Promise((resolve) => setTimeout(resolve, 50));
  return <blockquote id="quote">Streamed quote</blockquote>;
}

export default function Home() {
  return (
    <main>
      <h1 id="title">Benchmark home</h1>
      <Counter />
      <Suspense fallback={<p>Loading quote…</p>}>
        <SlowQuote />
      </Suspense>
    </main>
  );
}
`);
  write('app/counter.tsx', `
'use client';
import { useState } from 'react';

export function Counter() {
  const [count, setCount] = useState(0);
  return (
    <button type="button" id="counter" onClick={() => setCount((value) => value + 1)}>
      count is {count}
    </button>
  );
}
`);
  write('app/blog/[slug]/page.tsx', `
export function generateStaticParams() {
  return [{ slug: 'first' }, { slug: 'second' }];
}

export default async function Post({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <article><h1>Post {slug}</h1></article>;
}
`);
  write('app/dynamic/page.tsx', `
export const dynamic = 'force-dynamic';

export default function Dynamic() {
  const rows = Array.from({ length: 50 }, (_, index) => ({ id: index, value: (index * 7919) % 1000 }));
  return (
    <main>
      <h1 id="dynamic">Rendered per request</h1>
      <table>
        <tbody>{rows.map((row) => <tr key={row.id}><td>{row.id}</td><td>{row.value}</td></tr>)}</tbody>
      </table>
    </main>
  );
}
`);
  write('app/streamed/page.tsx', `
import { Suspense } from 'react';

export const dynamic = 'force-dynamic';

async function SlowList() {
  await new Promise((resolve) => setTimeout(resolve, 10));
  return <ul id="streamed">{Array.from({ length: 20 }, (_, index) => <li key={index}>Item {index}</li>)}</ul>;
}

export default function Streamed() {
  return (
    <main>
      <h1>Streamed</h1>
      <Suspense fallback={<p>Loading…</p>}>
        <SlowList />
      </Suspense>
    </main>
  );
}
`);
  write('app/api/hello/route.ts', `
export async function GET() {
  return Response.json({ hello: 'world' });
}
`);
  write('tsconfig.json', JSON.stringify({
    compilerOptions: { target: 'ES2022', lib: ['dom', 'dom.iterable', 'esnext'], module: 'esnext', moduleResolution: 'bundler', jsx: 'react-jsx', strict: false, noEmit: true, skipLibCheck: true, allowJs: true, esModuleInterop: true, isolatedModules: true, resolveJsonModule: true, incremental: true, plugins: [{ name: 'next' }] },
    include: ['**/*.ts', '**/*.tsx'],
    exclude: ['node_modules'],
  }, null, 2));
  // Type-checking and lint are off for Next, so only bundling is compared.
  write('next.config.mjs', `export default { typescript: { ignoreBuildErrors: true } };\n`);
  write('package.json', JSON.stringify({ name: 'benchmark-app', private: true, type: 'module' }, null, 2));
  return { pagePaths: ['/', ...pagePaths, '/blog/first', '/blog/second', '/dynamic', '/streamed'] };
}
