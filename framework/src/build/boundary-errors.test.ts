import { rmSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { expectNoInternalStack, useAppBuilds } from '../../../test-utils/build-app.js';
import { minimalLayout, writeApp } from '../../../test-utils/fixtures.js';
import { startServer, type TestServer } from '../../../test-utils/server.js';

const build = useAppBuilds();
const apps: string[] = [];
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
  for (const app of apps.splice(0)) rmSync(app, { recursive: true, force: true });
});

/**
 * What the real `server-only` package does: empty under the `react-server` condition, a throw
 * anywhere else. Installed in one test so that both an app with the package and one without it
 * (the others; the workspace does not have it) are covered.
 */
const serverOnlyPackage = {
  'node_modules/server-only/package.json': JSON.stringify({ name: 'server-only', exports: { '.': { 'react-server': './empty.js', default: './index.js' } } }),
  'node_modules/server-only/empty.js': '',
  'node_modules/server-only/index.js': 'throw new Error("This module cannot be imported from a Client Component module.");',
};

describe('server-only and client-only', () => {
  it('reports a server-only module reached from a client component, with the chain of imports and the fix', () => {
    const { status, output } = build({
      'app/layout.tsx': minimalLayout,
      'app/page.tsx': "import { Profile } from './components/profile';\nexport default function Page() { return <Profile />; }",
      'app/components/profile.tsx': "'use client';\nimport { userName } from '../lib/user';\nexport function Profile() { return <p>{userName()}</p>; }",
      'app/lib/user.ts': "import { query } from './db';\nexport function userName() { return query('name'); }",
      'app/lib/db.ts': "import 'server-only';\nexport function query(sql: string) { return sql; }",
    });
    expect(status).toBe(1);
    expect(output).toContain(
      [
        'app/lib/db.ts imports "server-only", but it is imported by client code:',
        '  app/components/profile.tsx ("use client")',
        '  → app/lib/user.ts',
        '  → app/lib/db.ts',
        'Fix: import app/lib/db.ts only from server components, or pass its data to the client component as props.',
      ].join('\n'),
    );
    expectNoInternalStack(output);
  });

  it('builds and renders server-only modules used by server components and client-only modules used by client components', async () => {
    const { root, status, output } = build({
      ...serverOnlyPackage,
      'app/layout.tsx': minimalLayout,
      'app/page.tsx': [
        "import { secret } from './lib/secret';",
        "import { Clock } from './components/clock';",
        "export const dynamic = 'force-dynamic';",
        'export default function Page() { return <main><p id="secret">{secret()}</p><Clock /></main>; }',
      ].join('\n'),
      'app/lib/secret.ts': "import 'server-only';\nexport function secret() { return 'from the server'; }",
      'app/components/clock.tsx': "'use client';\nimport { label } from '../lib/browser';\nexport function Clock() { return <p id=\"clock\">{label()}</p>; }",
      'app/lib/browser.ts': "import 'client-only';\nexport function label() { return 'client clock'; }",
    });
    expect(output).not.toContain('✖');
    expect(status).toBe(0);
    const server = await startServer(root);
    servers.push(server);
    const html = await (await fetch(server.url + '/')).text();
    expect(html).toContain('from the server');
    expect(html).toContain('client clock');
  });

  it('reports a client-only module reached from a server component, with the chain from the page', () => {
    const { status, output } = build({
      'app/layout.tsx': minimalLayout,
      'app/page.tsx': "import { Chart } from './components/chart';\nexport default function Page() { return <Chart />; }",
      'app/components/chart.tsx': "import { draw } from '../lib/canvas';\nexport function Chart() { return <p>{draw()}</p>; }",
      'app/lib/canvas.ts': "import 'client-only';\nexport function draw() { return 'chart'; }",
    });
    expect(status).toBe(1);
    expect(output).toContain(
      ['app/lib/canvas.ts imports "client-only", but it is imported by a server component:', '  app/page.tsx', '  → app/components/chart.tsx', '  → app/lib/canvas.ts'].join('\n'),
    );
    expect(output).toContain('Fix: import app/lib/canvas.ts only from client components');
    expectNoInternalStack(output);
  });
});

describe('client hooks in server components', () => {
  it('shows the imports from the page to a component that calls a client hook', () => {
    const { status, output } = build({
      'app/layout.tsx': minimalLayout,
      'app/page.tsx': "import { Panel } from './components/panel';\nexport default function Page() { return <Panel />; }",
      'app/components/panel.tsx': "import { Counter } from './counter';\nexport function Panel() { return <section><Counter /></section>; }",
      'app/components/counter.tsx': "import { useState } from 'react';\n\nexport function Counter() {\n  const [n] = useState(0);\n  return <p>{n}</p>;\n}",
    });
    expect(status).toBe(1);
    expect(output).toContain(
      [
        'app/components/counter.tsx:1: `useState` from "react" only works in a client component, but this module is a server component, imported through:',
        '    app/page.tsx',
        '    → app/components/panel.tsx',
        '    → app/components/counter.tsx',
        '  Fix: add "use client" at the top of this file',
      ].join('\n'),
    );
    expectNoInternalStack(output);
  });
});

/** Starts `nexxo dev` on a small app; the server and the app are removed after the test. */
async function devApp(files: Record<string, string>): Promise<{ root: string; server: TestServer }> {
  const root = writeApp(files);
  apps.push(root);
  const server = await startServer(root, 15_000, 'dev');
  servers.push(server);
  return { root, server };
}

/** Fetches the URL until it answers with `status` (dev applies edits in the background). */
async function fetchUntil(url: string, status: number, timeoutMs = 15_000): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(url);
    if (response.status === status || Date.now() > deadline) return response;
    await response.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('boundary errors in nexxo dev', () => {
  it('shows the server-only chain on the page and recovers when the import is removed', async () => {
    const { root, server } = await devApp({
      'app/layout.tsx': minimalLayout,
      'app/page.tsx': "import { Profile } from './profile';\nexport default function Page() { return <Profile />; }",
      'app/profile.tsx': "'use client';\nimport { query } from './db';\nexport function Profile() { return <p>{query('name')}</p>; }",
      'app/db.ts': "import 'server-only';\nexport function query(sql: string) { return 'result of ' + sql; }",
    });
    const broken = await fetch(server.url + '/');
    expect(broken.status).toBe(500);
    const page = await broken.text();
    expect(page).toContain('app/db.ts imports "server-only", but it is imported by client code:');
    expect(page).toContain('app/profile.tsx ("use client")');
    expect(server.output()).toContain('app/db.ts imports "server-only", but it is imported by client code:');
    writeFileSync(`${root}/app/db.ts`, "export function query(sql: string) { return 'result of ' + sql; }\n");
    const fixed = await fetchUntil(server.url + '/', 200);
    expect(fixed.status).toBe(200);
    expect(await fixed.text()).toContain('result of name');
  });

  it('shows the client-only chain from the page, in the page and the terminal, and recovers when the component becomes a client component', async () => {
    const { root, server } = await devApp({
      'app/layout.tsx': minimalLayout,
      'app/page.tsx': "import { Chart } from './components/chart';\nexport default function Page() { return <Chart />; }",
      'app/components/chart.tsx': "import { draw } from '../lib/canvas';\nexport function Chart() { return <p>{draw()}</p>; }",
      'app/lib/canvas.ts': "import 'client-only';\nexport function draw() { return 'chart drawn'; }",
    });
    const message = [
      'app/lib/canvas.ts imports "client-only", but it is imported by a server component:',
      '  app/page.tsx',
      '  → app/components/chart.tsx',
      '  → app/lib/canvas.ts',
      'Fix: import app/lib/canvas.ts only from client components',
    ].join('\n');
    const broken = await fetch(server.url + '/');
    expect(broken.status).toBe(500);
    const page = await broken.text();
    expect(page).toContain('<pre id="nexxo-build-error"');
    expect(page).toContain(message);
    expect(server.output()).toContain(message);
    expectNoInternalStack(server.output());
    writeFileSync(`${root}/app/components/chart.tsx`, "'use client';\nimport { draw } from '../lib/canvas';\nexport function Chart() { return <p>{draw()}</p>; }\n");
    const fixed = await fetchUntil(server.url + '/', 200);
    expect(fixed.status).toBe(200);
    expect(await fixed.text()).toContain('<p>chart drawn</p>');
  });

  it('shows a client hook in a server component with its line, the imports from the page and the fix, and recovers with "use client"', async () => {
    const counter = "import { useState } from 'react';\n\nexport function Counter() {\n  const [n] = useState(7);\n  return <p>count {n}</p>;\n}\n";
    const { root, server } = await devApp({
      'app/layout.tsx': minimalLayout,
      'app/page.tsx': "import { Panel } from './components/panel';\nexport default function Page() { return <Panel />; }",
      'app/components/panel.tsx': "import { Counter } from './counter';\nexport function Panel() { return <section><Counter /></section>; }",
      'app/components/counter.tsx': counter,
    });
    const message = [
      'app/components/counter.tsx:1: `useState` from "react" only works in a client component, but this module is a server component, imported through:',
      '    app/page.tsx',
      '    → app/components/panel.tsx',
      '    → app/components/counter.tsx',
      '  Fix: add "use client" at the top of this file',
    ].join('\n');
    const broken = await fetch(server.url + '/');
    expect(broken.status).toBe(500);
    const page = await broken.text();
    expect(page).toContain(message);
    // The overlay's code frame points at the import.
    expect(page).toContain("&gt; 1 | import { useState } from 'react';");
    expect(server.output()).toContain(message);
    expectNoInternalStack(server.output());
    writeFileSync(`${root}/app/components/counter.tsx`, "'use client';\n" + counter);
    const fixed = await fetchUntil(server.url + '/', 200);
    expect(fixed.status).toBe(200);
    expect(await fixed.text()).toMatch(/<p>count (<!-- -->)?7<\/p>/);
  });
});
