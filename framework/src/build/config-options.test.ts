import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { minimalLayout, writeApp } from '../../../test-utils/fixtures.js';
import { cli, startServer } from '../../../test-utils/server.js';

const apps: string[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) rmSync(app, { recursive: true, force: true });
});

function app(files: Record<string, string>): string {
  const root = writeApp(files);
  apps.push(root);
  return root;
}

function build(root: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [cli, 'build', root], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe('nexxo.config options', () => {
  it('applies trailingSlash: true to redirects, links and prerendered pages', async () => {
    const root = app({
      'nexxo.config.mjs': 'export default { trailingSlash: true };',
      'app/layout.tsx': minimalLayout,
      'app/page.tsx': "import Link from 'nexxo/link';\nexport default function Page() { return <Link href='/about' id='about'>About</Link>; }",
      'app/about/page.tsx': 'export default function About() { return <p>About page</p>; }',
    });
    expect(build(root).status).toBe(0);
    const server = await startServer(root);
    try {
      const redirect = await fetch(server.url + '/about?x=1', { redirect: 'manual' });
      expect(redirect.status).toBe(308);
      expect(redirect.headers.get('location')).toBe('/about/?x=1');
      const page = await fetch(server.url + '/about/');
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('About page');
      expect(await (await fetch(server.url + '/')).text()).toContain('href="/about/"');
    } finally {
      await server.stop();
    }
  });

  it('resolves config aliases and tsconfig paths, and runs plugins only in their environments', async () => {
    const root = app({
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['./src/*'] }, jsx: 'react-jsx' } }),
      'nexxo.config.mjs': `
const stamp = (environment) => ({
  name: 'stamp-' + environment,
  resolveId(id) { return id === 'virtual:stamp' ? '\\0stamp' : null; },
  load(id) { return id === '\\0stamp' ? 'export default ' + JSON.stringify(environment) : null; },
});
export default {
  alias: { '@lib': './lib' },
  plugins: { rsc: [stamp('rsc')], client: [stamp('client')], ssr: [stamp('ssr')] },
};`,
      'lib/greeting.ts': "export const greeting = 'aliased module';",
      'src/message.ts': "export const message = 'tsconfig paths';",
      'app/layout.tsx': minimalLayout,
      'app/stamp.tsx': "'use client';\nimport stamp from 'virtual:stamp';\nexport function ClientStamp() { return <p id='client'>{stamp}</p>; }",
      'app/page.tsx': "import { greeting } from '@lib/greeting';\nimport { message } from '@/message';\nimport stamp from 'virtual:stamp';\nimport { ClientStamp } from './stamp';\nexport default function Page() { return <main><p>{greeting}</p><p>{message}</p><p id='server'>{stamp}</p><ClientStamp /></main>; }",
    });
    const { status, output } = build(root);
    expect(output).not.toContain('✖');
    expect(status).toBe(0);
    const server = await startServer(root);
    try {
      const html = await (await fetch(server.url + '/')).text();
      expect(html).toContain('aliased module');
      expect(html).toContain('tsconfig paths');
      expect(html).toContain('<p id="server">rsc</p>');
      // Server-rendered by ssr; the browser bundle has its own value.
      expect(html).toContain('<p id="client">ssr</p>');
    } finally {
      await server.stop();
    }
  });

  it('leaves serverExternalPackages to Node at run time', async () => {
    const root = app({
      'nexxo.config.mjs': "export default { serverExternalPackages: ['external-counter'] };",
      'app/layout.tsx': minimalLayout,
      'app/page.tsx': "import { describe } from 'external-counter';\nexport const dynamic = 'force-dynamic';\nexport default function Page() { return <p>{describe()}</p>; }",
    });
    const pkg = join(root, 'node_modules/external-counter');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'external-counter', type: 'module', exports: './index.js' }));
    writeFileSync(join(pkg, 'index.js'), "export function describe() { return 'loaded from ' + import.meta.url.split('/').slice(-2).join('/'); }");
    expect(build(root).status).toBe(0);
    const server = await startServer(root);
    try {
      expect(await (await fetch(server.url + '/')).text()).toContain('loaded from external-counter/index.js');
    } finally {
      await server.stop();
    }
  });

  it('names the unknown option and the nearest valid one', () => {
    const root = app({ 'nexxo.config.mjs': 'export default { trailingSlashes: true };', 'app/layout.tsx': minimalLayout, 'app/page.tsx': 'export default () => <p>x</p>;' });
    const { status, output } = build(root);
    expect(status).toBe(1);
    expect(output).toMatch(/trailingSlashes/);
    expect(output).toMatch(/Did you mean `trailingSlash`\?/);
    expect(output).not.toMatch(/\n\s+at .*(framework|compiler)\/(dist|src)/);
  });

  it('shows the file and line of a config that throws', () => {
    const root = app({
      'nexxo.config.ts': "import type { NexxoConfig } from 'nexxo';\n\nconst config: NexxoConfig = {};\nif (!process.env.NEVER_SET_IN_TESTS) {\n  throw new Error('config exploded');\n}\nexport default config;\n",
      'app/layout.tsx': minimalLayout,
      'app/page.tsx': 'export default () => <p>x</p>;',
    });
    const { status, output } = build(root);
    expect(status).toBe(1);
    expect(output).toContain('nexxo.config.ts:5');
    expect(output).toContain('config exploded');
  });

  it('rejects an invalid redirect rule at build time, naming the rule', () => {
    const root = app({
      'nexxo.config.mjs': "export default { redirects: async () => [{ source: 'no-slash', destination: '/x', permanent: true }] };",
      'app/layout.tsx': minimalLayout,
      'app/page.tsx': 'export default () => <p>x</p>;',
    });
    const { status, output } = build(root);
    expect(status).toBe(1);
    expect(output).toMatch(/redirects\(\)?\[0\]/);
    expect(output).toContain('no-slash');
  });
});

describe('stylesheet errors', () => {
  it('asks for the sass package when an app without it imports .scss', () => {
    const root = app({
      'app/layout.tsx': "import './theme.scss';\n" + minimalLayout,
      'app/theme.scss': '$c: red; body { color: $c; }',
      'app/page.tsx': 'export default () => <p>x</p>;',
    });
    // Hide the workspace's own sass from this app: resolution starts at the app and walks up.
    const { status, output } = spawnSyncWithoutSass(root);
    expect(status).toBe(1);
    expect(output).toContain('app/theme.scss');
    expect(output).toContain('npm install --save-dev sass');
  });

  it('points at the line of a CSS syntax error', () => {
    const root = app({
      'app/layout.tsx': "import './broken.css';\n" + minimalLayout,
      'app/broken.css': '.ok { color: red; }\n.a..b { color: red; }\n',
      'app/page.tsx': 'export default () => <p>x</p>;',
    });
    const { status, output } = build(root);
    expect(status).toBe(1);
    expect(output).toMatch(/app\/broken\.css:2:\d+: Expected identifier in class selector/);
  });
});

/** Builds with an app folder outside the workspace, so the workspace's `sass` is not found. */
function spawnSyncWithoutSass(root: string): { status: number | null; output: string } {
  const outside = join('/tmp', `nexxo-no-sass-${process.pid}-${Date.now()}`);
  mkdirSync(outside, { recursive: true });
  apps.push(outside);
  spawnSync('cp', ['-r', root + '/.', outside]);
  // react and nexxo must still resolve: link the workspace's node_modules packages the app needs.
  mkdirSync(join(outside, 'node_modules'), { recursive: true });
  for (const name of ['react', 'react-dom', 'nexxo']) spawnSync('ln', ['-s', join(root, '../../../node_modules', name), join(outside, 'node_modules', name)]);
  const result = spawnSync(process.execPath, [cli, 'build', outside], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, output: result.stdout + result.stderr };
}
