import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { minimalLayout, writeApp } from '../../../test-utils/fixtures.js';
import { cli, devUntilExit, startServer, type TestServer } from '../../../test-utils/server.js';

const apps: string[] = [];
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
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

type Mode = 'prod' | 'dev';

/** `nexxo build && nexxo start`, or `nexxo dev`, on the app; stopped after the test. */
async function serve(root: string, mode: Mode): Promise<TestServer> {
  if (mode === 'prod') {
    const { status, output } = build(root);
    expect(output).not.toContain('✖');
    expect(status, output).toBe(0);
  }
  const server = await startServer(root, 30_000, mode === 'prod' ? 'start' : 'dev');
  servers.push(server);
  return server;
}

/** The text of every script the page loads: its module scripts and preloads, and what they import. */
async function browserScripts(baseUrl: string, html: string): Promise<string> {
  const queue = [...html.matchAll(/(?:src|href)="(\/_nexxo\/[^"]+\.js)"/g)].map((match) => new URL(match[1]!, baseUrl).href);
  const seen = new Set<string>();
  let text = '';
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const source = await (await fetch(url)).text();
    text += source + '\n';
    for (const match of source.matchAll(/(?:\bfrom|\bimport\(?)\s*["']((?:\.{1,2}\/|\/_nexxo\/)[^"']+\.js)["']/g)) queue.push(new URL(match[1]!, url).href);
  }
  return text;
}

const stampConfig = `
const stamp = (environment) => ({
  name: 'stamp-' + environment,
  resolveId(id) { return id === 'virtual:stamp' ? '\\0stamp' : null; },
  load(id) { return id === '\\0stamp' ? 'export default ' + JSON.stringify('stamped by ' + environment) : null; },
});
export default {
  alias: { '@lib': './lib' },
  plugins: { rsc: [stamp('rsc')], client: [stamp('client')], ssr: [stamp('ssr')] },
};`;

describe.each(['prod', 'dev'] as const)('nexxo.config options in %s', (mode) => {
  it('applies trailingSlash: true to redirects, links and pages', async () => {
    const root = app({
      'nexxo.config.mjs': 'export default { trailingSlash: true };',
      'public/robots.txt': 'User-agent: *\n',
      'app/layout.tsx': minimalLayout,
      'app/page.tsx': "import Link from 'nexxo/link';\nexport default function Page() { return <Link href='/about' id='about'>About</Link>; }",
      'app/about/page.tsx': 'export default function About() { return <p>About page</p>; }',
    });
    const server = await serve(root, mode);
    const redirect = await fetch(server.url + '/about?x=1', { redirect: 'manual' });
    expect(redirect.status).toBe(308);
    expect(redirect.headers.get('location')).toBe('/about/?x=1');
    const page = await fetch(server.url + '/about/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('About page');
    expect(await (await fetch(server.url + '/')).text()).toContain('href="/about/"');
    // Files keep their own path.
    expect((await fetch(server.url + '/robots.txt', { redirect: 'manual' })).status).toBe(200);
  });

  it('resolves config aliases and tsconfig paths, and runs plugins only in their environments', async () => {
    const root = app({
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['./src/*'], '~ui/*': ['./ui/*'] }, jsx: 'react-jsx' } }),
      'nexxo.config.mjs': stampConfig,
      'lib/greeting.ts': "export const greeting = 'aliased module';",
      'src/message.ts': "export const message = 'tsconfig paths';",
      'ui/label.ts': "export const label = 'tsconfig paths without @';",
      'app/layout.tsx': minimalLayout,
      'app/stamp.tsx': "'use client';\nimport stamp from 'virtual:stamp';\nimport { label } from '~ui/label';\nexport function ClientStamp() { return <><p id='client'>{stamp}</p><p id='label'>{label}</p></>; }",
      'app/page.tsx': "import { greeting } from '@lib/greeting';\nimport { message } from '@/message';\nimport stamp from 'virtual:stamp';\nimport { ClientStamp } from './stamp';\nexport default function Page() { return <main><p>{greeting}</p><p>{message}</p><p id='server'>{stamp}</p><ClientStamp /></main>; }",
    });
    const server = await serve(root, mode);
    const html = await (await fetch(server.url + '/')).text();
    expect(html).toContain('aliased module');
    expect(html).toContain('tsconfig paths');
    expect(html).toContain('<p id="label">tsconfig paths without @</p>');
    expect(html).toContain('<p id="server">stamped by rsc</p>');
    // Server-rendered by ssr; the browser bundle has its own value.
    expect(html).toContain('<p id="client">stamped by ssr</p>');
    const scripts = await browserScripts(server.url, html);
    // Booleans, so that a failure does not print megabytes of React.
    expect(/[`"']stamped by client[`"']/.test(scripts), 'the client plugin value in the browser bundle').toBe(true);
    expect(scripts.includes('tsconfig paths without @'), 'the tsconfig alias resolved in the browser bundle').toBe(true);
    expect(scripts.includes('stamped by ssr') || scripts.includes('stamped by rsc'), 'a server plugin value in the browser bundle').toBe(false);
    expect(server.output()).not.toContain('✖');
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
    // Bundled, import.meta.url would name the server bundle's chunk instead.
    writeFileSync(join(pkg, 'index.js'), "export function describe() { return 'loaded from ' + import.meta.url.split('/').slice(-2).join('/'); }");
    const server = await serve(root, mode);
    expect(await (await fetch(server.url + '/')).text()).toContain('loaded from external-counter/index.js');
  });
});

const throwingConfig = "import type { NexxoConfig } from 'nexxo';\n\nconst config: NexxoConfig = {};\nif (!process.env.NEVER_SET_IN_TESTS) {\n  throw new Error('config exploded');\n}\nexport default config;\n";

/** Fetches the URL until `done` accepts the response (dev applies edits in the background). */
async function poll(url: string, done: (response: Response) => boolean, timeoutMs = 15_000): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(url);
    if (done(response) || Date.now() > deadline) return response;
    await response.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('nexxo.config errors', () => {
  it('names the unknown option and the nearest valid one', () => {
    const root = app({ 'nexxo.config.mjs': 'export default { trailingSlashes: true };', 'app/layout.tsx': minimalLayout, 'app/page.tsx': 'export default () => <p>x</p>;' });
    const { status, output } = build(root);
    expect(status).toBe(1);
    expect(output).toMatch(/trailingSlashes/);
    expect(output).toMatch(/Did you mean `trailingSlash`\?/);
    expect(output).not.toMatch(/\n\s+at .*(framework|compiler)\/(dist|src)/);
  });

  it('shows the file and line of a config that throws', () => {
    const root = app({ 'nexxo.config.ts': throwingConfig, 'app/layout.tsx': minimalLayout, 'app/page.tsx': 'export default () => <p>x</p>;' });
    const { status, output } = build(root);
    expect(status).toBe(1);
    expect(output).toContain('nexxo.config.ts:5');
    expect(output).toContain('config exploded');
  });

  it('nexxo dev: a config that throws at start is shown with its file and line, and dev exits with 1', async () => {
    const root = app({ 'nexxo.config.ts': throwingConfig, 'app/layout.tsx': minimalLayout, 'app/page.tsx': 'export default () => <p>x</p>;' });
    const { code, output } = await devUntilExit(root);
    expect(code).toBe(1);
    expect(output).toContain('threw an error at nexxo.config.ts:5:9');
    expect(output).toContain('> 5 |   throw new Error(\'config exploded\');');
    expect(output).not.toMatch(/\n\s+at .*(framework|compiler)\/(dist|src)/);
  });

  it('nexxo dev: a config edited to throw is shown on the page and in the terminal, and the fix recovers', async () => {
    const root = app({ 'nexxo.config.ts': 'export default {};\n', 'app/layout.tsx': minimalLayout, 'app/page.tsx': 'export default () => <p>config is fine</p>;' });
    const server = await serve(root, 'dev');
    expect(await (await fetch(server.url + '/')).text()).toContain('config is fine');
    writeFileSync(join(root, 'nexxo.config.ts'), throwingConfig);
    const broken = await poll(server.url + '/', (response) => response.status === 500);
    const page = await broken.text();
    expect(page).toContain('nexxo.config.ts: loading it threw an error at nexxo.config.ts:5:9.');
    expect(page).toContain('Error: config exploded');
    expect(server.output()).toContain('threw an error at nexxo.config.ts:5:9');
    writeFileSync(join(root, 'nexxo.config.ts'), 'export default {};\n');
    const fixed = await poll(server.url + '/', (response) => response.status === 200);
    expect(await fixed.text()).toContain('config is fine');
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
