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

describe('boundary errors in nexxo dev', () => {
  it('shows the server-only chain on the page and recovers when the import is removed', async () => {
    const root = writeApp({
      'app/layout.tsx': minimalLayout,
      'app/page.tsx': "import { Profile } from './profile';\nexport default function Page() { return <Profile />; }",
      'app/profile.tsx': "'use client';\nimport { query } from './db';\nexport function Profile() { return <p>{query('name')}</p>; }",
      'app/db.ts': "import 'server-only';\nexport function query(sql: string) { return 'result of ' + sql; }",
    });
    apps.push(root);
    const server = await startServer(root, 15_000, 'dev');
    servers.push(server);
    const broken = await fetch(server.url + '/');
    expect(broken.status).toBe(500);
    const page = await broken.text();
    expect(page).toContain('app/db.ts imports "server-only", but it is imported by client code:');
    expect(page).toContain('app/profile.tsx ("use client")');
    writeFileSync(`${root}/app/db.ts`, "export function query(sql: string) { return 'result of ' + sql; }\n");
    const deadline = Date.now() + 15_000;
    let fixed = await fetch(server.url + '/');
    while (fixed.status !== 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      fixed = await fetch(server.url + '/');
    }
    expect(fixed.status).toBe(200);
    expect(await fixed.text()).toContain('result of name');
  });
});
