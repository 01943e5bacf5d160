// End to end: pack the workspace packages, create an app from every template with the packed
// create-nexxo-app, install them from the tarballs, build, serve, fetch, screenshot.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../test-utils/browser.js';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const screenshots = join(repoRoot, '.cache', 'screenshots');
const workspaces = ['native', 'compiler', 'runtime', 'adapters/node', 'adapters/vercel', 'adapters/cloudflare', 'framework'];

let tmp: string;
let cli: string;
let nexxo: string;
const timings: Record<string, number> = {};

/** The created apps: folder name → create-nexxo-app arguments. */
const apps: Record<string, string[]> = {
  default: ['--template', 'default'],
  minimal: ['--template', 'minimal', '--no-tailwind'],
  blog: ['--template', 'blog'],
  dashboard: ['--template', 'dashboard', '--no-tailwind'],
  api: ['--template', 'api'],
};

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    timings[label] = Math.round(performance.now() - start);
  }
}

function create(args: string[], cwd: string) {
  // stdin is not a TTY here: the CLI must not ask anything. NO_COLOR: plain text to assert on
  // (picocolors colours its output whenever CI is set, even without a terminal).
  return run(process.execPath, [cli, ...args], { cwd, env: { ...process.env, npm_config_user_agent: 'npm/11 node/v20', NO_COLOR: '1' } });
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'create-nexxo-app-'));
  const packs = join(tmp, 'packs');
  mkdirSync(packs);
  await timed('pack', async () => {
    await run('npm', ['pack', '--pack-destination', packs, ...workspaces.flatMap((workspace) => ['-w', workspace])], { cwd: repoRoot });
    await run('npm', ['pack', '--pack-destination', packs], { cwd: packageDir });
  });
  const tarballs = Object.fromEntries(
    readdirSync(packs).map((file) => [JSON.parse(readFileSync(join(repoRoot, '' + fileToWorkspace(file), 'package.json'), 'utf8')).name as string, join(packs, file)]),
  );

  // The scaffolder, installed from its tarball as `npm create` would (with its prompt and colour libraries).
  mkdirSync(join(tmp, 'cli'));
  writeFileSync(join(tmp, 'cli', 'package.json'), '{ "private": true }\n');
  await timed('install create-nexxo-app', () => run('npm', ['install', '--no-audit', '--no-fund', tarballs['create-nexxo-app']!], { cwd: join(tmp, 'cli'), timeout: 120_000 }));
  cli = join(tmp, 'cli', 'node_modules', 'create-nexxo-app', 'index.js');

  // Every app lives in apps/; one install in apps/ of the union of their dependencies serves them
  // all through Node's parent-folder lookup, so five apps cost one install.
  const appsDir = join(tmp, 'apps');
  mkdirSync(appsDir);
  for (const [name, args] of Object.entries(apps)) await create([name, ...args, '--deploy', 'node', '--no-install'], appsDir);
  const union: Record<string, string> = {};
  for (const name of Object.keys(apps)) {
    const manifest = JSON.parse(readFileSync(join(appsDir, name, 'package.json'), 'utf8'));
    Object.assign(union, manifest.dependencies, manifest.devDependencies);
  }
  // The published names, pointed at this checkout's tarballs (with the @nexxo/* packages nexxo depends on).
  for (const [name, tarball] of Object.entries(tarballs)) if (name !== 'create-nexxo-app') union[name] = `file:${tarball}`;
  writeFileSync(join(appsDir, 'package.json'), JSON.stringify({ private: true, dependencies: union }, null, 2));
  await timed('npm install (all templates)', () => run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: appsDir, timeout: 240_000 }));
  nexxo = join(appsDir, 'node_modules', 'nexxo', 'dist', 'cli', 'index.js');
  mkdirSync(screenshots, { recursive: true });
}, 420_000);

afterAll(() => {
  console.log(`create-nexxo-app timings (ms): ${JSON.stringify(timings)}`);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function fileToWorkspace(tarball: string): string {
  if (tarball.startsWith('create-nexxo-app')) return 'templates/create-nexxo-app';
  if (tarball.startsWith('nexxo-adapter-')) return `adapters/${tarball.slice('nexxo-adapter-'.length).replace(/-\d.*$/, '')}`;
  if (tarball.startsWith('nexxo-0')) return 'framework';
  return tarball.slice('nexxo-'.length).replace(/-\d.*$/, '');
}

async function start(appDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, [nexxo, 'start', appDir, '--port', '0', '--hostname', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`nexxo start did not listen in 15 s:\n${output}`)), 15_000);
    child.stdout!.on('data', (data: Buffer) => {
      output += data;
      const match = /ready on (http:\/\/\S+)/.exec(output);
      if (match) clearTimeout(timer), resolve(match[1]!);
    });
    child.stderr!.on('data', (data: Buffer) => (output += data));
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`nexxo start exited with ${code}:\n${output}`))));
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Builds the app, type-checks it, serves it, runs `check`, and saves a screenshot of `/`. */
async function buildAndServe(name: string, check: (url: string) => Promise<void>, options: { expected404s?: string[] } = {}) {
  const appDir = join(tmp, 'apps', name);
  await timed(`${name}: build`, () => run(process.execPath, [nexxo, 'build', appDir], { cwd: appDir }));
  await timed(`${name}: tsc`, () => run(process.execPath, [join(tmp, 'apps', 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', appDir], { cwd: appDir }).catch((error) => {
    throw new Error(`tsc found type errors in the ${name} template:\n${error.stdout}`);
  }));
  const server = await start(appDir);
  try {
    await check(server.url);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      // A 404 shows in the console without its URL; record URLs so an expected one can be told apart.
      page.on('response', (response) => response.status() >= 400 && !options.expected404s?.includes(new URL(response.url()).pathname) && errors.push(`${response.status()} ${response.url()}`));
      page.on('console', (message) => message.type() === 'error' && !message.text().startsWith('Failed to load resource') && errors.push(message.text()));
      await page.goto(server.url, { waitUntil: 'networkidle' });
      await page.screenshot({ path: join(screenshots, `create-nexxo-app-${name}.png`), fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  } finally {
    await server.stop();
  }
}

async function text(url: string, expectedStatus = 200): Promise<string> {
  const response = await fetch(url);
  expect(response.status, url).toBe(expectedStatus);
  return response.text();
}

describe('create-nexxo-app', () => {
  it('writes an app with the files, scripts and dependencies the choices ask for', () => {
    const app = join(tmp, 'apps', 'default');
    const manifest = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({ name: 'default', private: true, type: 'module', scripts: { dev: 'nexxo dev', build: 'nexxo build', start: 'nexxo start' } });
    expect(manifest.dependencies).toEqual({ nexxo: '0.1.0', react: '19.3.1', 'react-dom': '19.3.1' });
    expect(manifest.devDependencies).toHaveProperty('@tailwindcss/postcss');
    const gitignore = readFileSync(join(app, '.gitignore'), 'utf8');
    for (const entry of ['.nexxo/', 'node_modules/', '.env*.local']) expect(gitignore).toContain(entry);
    expect(readFileSync(join(app, 'nexxo-env.d.ts'), 'utf8')).toContain('/// <reference types="nexxo/types" />');
    expect(JSON.parse(readFileSync(join(app, 'tsconfig.json'), 'utf8')).compilerOptions.paths).toEqual({ '@/*': ['./*'] });
    expect(readFileSync(join(app, 'app', 'globals.css'), 'utf8')).toContain('@import "tailwindcss"');
    // --no-tailwind: CSS Modules, no Tailwind anywhere.
    const minimal = join(tmp, 'apps', 'minimal');
    expect(existsSync(join(minimal, 'postcss.config.mjs'))).toBe(false);
    expect(existsSync(join(minimal, 'app', 'page.module.css'))).toBe(true);
    expect(JSON.parse(readFileSync(join(minimal, 'package.json'), 'utf8')).devDependencies).not.toHaveProperty('tailwindcss');
  });

  it('adds what Cloudflare and Vercel need for --deploy', async () => {
    // In apps/, so the next test can build them with the shared install (wrangler and the Vercel
    // CLI are not needed to build).
    const appsDir = join(tmp, 'apps');
    await create(['default-cloudflare', '--deploy', 'cloudflare', '--no-install'], appsDir);
    const cloudflare = join(appsDir, 'default-cloudflare');
    expect(readFileSync(join(cloudflare, 'nexxo.config.ts'), 'utf8')).toContain("adapter: 'cloudflare'");
    const manifest = JSON.parse(readFileSync(join(cloudflare, 'package.json'), 'utf8'));
    expect(manifest.scripts.deploy).toBe('nexxo build && wrangler deploy --config .nexxo/cloudflare/wrangler.jsonc');
    expect(manifest.scripts.preview).toMatch(/^nexxo build && node -e ".*" && wrangler dev --config \.nexxo\/cloudflare\/wrangler\.jsonc --persist-to \.wrangler\/state$/);
    expect(manifest.devDependencies.wrangler).toBe('4.86.0');
    expect(readFileSync(join(cloudflare, '.dev.vars.example'), 'utf8')).toContain('copy this file to .dev.vars');
    expect(readFileSync(join(cloudflare, 'README.md'), 'utf8')).toContain('`npm run preview` builds and runs it locally on workerd');

    await create(['default-vercel', '--deploy', 'vercel', '--no-install'], appsDir);
    const vercel = join(appsDir, 'default-vercel');
    expect(readFileSync(join(vercel, 'nexxo.config.ts'), 'utf8')).toContain("adapter: 'vercel'");
    expect(JSON.parse(readFileSync(join(vercel, 'package.json'), 'utf8')).scripts.deploy).toBe('nexxo build && npx vercel deploy --prebuilt');
    expect(readFileSync(join(vercel, 'README.md'), 'utf8')).toContain('npx vercel link');
  });

  it('builds for Cloudflare and Vercel with the adapter the config names', async () => {
    const build = (name: string) => timed(`${name}: build`, async () => (await run(process.execPath, [nexxo, 'build'], { cwd: join(tmp, 'apps', name) })).stdout);
    // Side by side: each build waits on its own processes half of the time.
    const [cloudflareLog, vercelLog] = await Promise.all([build('default-cloudflare'), build('default-vercel')]);

    const cloudflare = join(tmp, 'apps', 'default-cloudflare', '.nexxo', 'cloudflare');
    expect(existsSync(join(cloudflare, 'worker.js'))).toBe(true);
    expect(readFileSync(join(cloudflare, 'wrangler.jsonc'), 'utf8')).toContain('"main": "worker.js"');
    // Issue 6: the default template's Worker stays under 1 MB compressed (Cloudflare's Free plan allows 3 MB).
    const size = /worker\.js\s+[\d.]+ [kM]B \(([\d.]+) (kB|MB) gzip\)/.exec(cloudflareLog);
    expect(size, `no Worker size in the build output:\n${cloudflareLog}`).not.toBeNull();
    const gzipKb = Number(size![1]) * (size![2] === 'MB' ? 1024 : 1);
    expect(gzipKb).toBeLessThan(1024);
    console.log(`default template, Cloudflare Worker: ${size![0]}`);

    const output = join(tmp, 'apps', 'default-vercel', '.vercel', 'output');
    expect(JSON.parse(readFileSync(join(output, 'config.json'), 'utf8'))).toMatchObject({ version: 3 });
    expect(JSON.parse(readFileSync(join(output, 'functions', 'index.func', '.vc-config.json'), 'utf8'))).toMatchObject({ runtime: 'edge' });
    expect(vercelLog).toContain('Adapter: vercel');
  });

  it('prints the next steps', async () => {
    const { stdout } = await create(['steps-app', '--template', 'api', '--no-install', '--package-manager', 'pnpm'], tmp);
    expect(stdout).toContain('Created steps-app from the api template, for node');
    expect(stdout).toMatch(/Next steps:\s+cd steps-app\s+pnpm install\s+pnpm dev/);
  });

  it('refuses a folder that is not empty, unless --force', async () => {
    mkdirSync(join(tmp, 'taken'));
    writeFileSync(join(tmp, 'taken', 'notes.txt'), 'mine');
    const refused = await create(['taken', '--no-install'], tmp).catch((error) => error);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('taken is not empty (it has notes.txt).');
    expect(refused.stderr).toContain('pass --force');
    expect(existsSync(join(tmp, 'taken', 'package.json'))).toBe(false);
    await create(['taken', '--no-install', '--force'], tmp);
    expect(readFileSync(join(tmp, 'taken', 'notes.txt'), 'utf8')).toBe('mine');
    expect(existsSync(join(tmp, 'taken', 'package.json'))).toBe(true);
  });

  it('refuses a name npm would refuse, and suggests one', async () => {
    const refused = await create(['My App', '--no-install'], tmp).catch((error) => error);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Cannot create an app named "My App": a package name must be lowercase.');
    expect(refused.stderr).toContain('npm create nexxo-app@latest my-app');
  });

  it('answers --help and --version', async () => {
    expect((await create(['--version'], tmp)).stdout.trim()).toBe('0.1.0');
    const { stdout } = await create(['--help'], tmp);
    expect(stdout).toContain('--template <name>');
    expect(stdout).toContain('dashboard  route groups');
  });

  it('default: a landing page with server and client components, a route handler and metadata', async () => {
    await buildAndServe('default', async (url) => {
      const html = await text(url);
      expect(html).toContain('<title>Nexxo app</title>');
      expect(html).toContain('Rendered on the server at');
      expect(html).toMatch(/Clicked (<!-- -->)?0(<!-- -->)? (<!-- -->)?times/);
      expect(html).toMatch(/<link rel="icon"[^>]*icon\.svg/);
      expect(await (await fetch(`${url}/api/hello?name=Ada`)).json()).toMatchObject({ message: 'Hello, Ada!' });
      expect(await text(`${url}/nope`, 404)).toContain('This page does not exist');
    });
  });

  it('minimal: one layout, one page, styled with CSS Modules', async () => {
    await buildAndServe('minimal', async (url) => {
      const html = await text(url);
      expect(html).toContain('Hello, Nexxo.');
      expect(html).toMatch(/class="title_[\w-]+"/);
    });
  });

  it('blog: Markdown posts prerendered, an RSS feed and Open Graph images', async () => {
    await buildAndServe('blog', async (url) => {
      const home = await text(url);
      expect(home).toContain('Shipping an RSS feed');
      expect(home).toContain('href="/posts/hello-world"');
      const post = await text(`${url}/posts/styling-with-css-modules`);
      expect(post).toContain('<title>Styling with CSS Modules · Field Notes</title>');
      expect(post).toContain('<strong>CSS Modules</strong>');
      expect(post).toMatch(/<meta property="og:image" content="https:\/\/example\.com\/posts\/styling-with-css-modules\/opengraph-image/);
      await text(`${url}/posts/no-such-post`, 404);
      const rss = await fetch(`${url}/rss.xml`);
      expect(rss.headers.get('content-type')).toContain('application/rss+xml');
      expect(await rss.text()).toContain(`<link>${url}/posts/hello-world</link>`);
      const image = await fetch(`${url}/posts/hello-world/opengraph-image`);
      expect(image.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await image.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
    });
  });

  it('dashboard: route groups, nested layouts and a table filtered by search params', async () => {
    await buildAndServe('dashboard', async (url) => {
      expect(await text(url)).toContain('Monthly revenue');
      const all = await text(`${url}/customers`);
      expect(all).toContain('Ada Lovelace');
      expect(all).toContain('Grace Hopper');
      const filtered = await text(`${url}/customers?q=grace`);
      expect(filtered).toContain('Grace Hopper');
      expect(filtered).not.toContain('Ada Lovelace');
      expect(await text(`${url}/customers?status=churned`)).not.toContain('data-status="active"');
      const team = await text(`${url}/settings/team`);
      expect(team).toContain('General');
      expect(team).toContain('Owner');
      const login = await text(`${url}/login`);
      expect(login).toContain('Sign in to Acme');
      expect(login).not.toContain('Monthly revenue');
    });
  });

  it('api: route handlers only', async () => {
    await buildAndServe('api', async (url) => {
      expect(await (await fetch(`${url}/api/health`)).json()).toMatchObject({ status: 'ok' });
      const created = await fetch(`${url}/api/todos`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Ship it' }) });
      expect(created.status).toBe(201);
      const todo = (await created.json()) as { id: string };
      const patched = await fetch(`${url}/api/todos/${todo.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{"done":true}' });
      expect(await patched.json()).toMatchObject({ title: 'Ship it', done: true });
      expect(await (await fetch(`${url}/api/todos?done=true`)).json()).toMatchObject({ todos: [{ title: 'Ship it' }] });
      const invalid = await fetch(`${url}/api/todos`, { method: 'POST', body: 'nope' });
      expect(invalid.status).toBe(400);
      expect((await fetch(`${url}/api/todos/999`)).status).toBe(404);
    }, { expected404s: ['/favicon.ico'] }); // JSON at /: the browser asks for a favicon the API does not have.
  });

  // After the tests above: each app is rebuilt in place for each platform (their Node output is done with).
  it('builds every other template for Cloudflare and Vercel too', async () => {
    for (const name of ['minimal', 'blog', 'dashboard', 'api']) {
      const appDir = join(tmp, 'apps', name);
      const build = async (adapter: string) => (await timed(`${name}: build --adapter ${adapter}`, () => run(process.execPath, [nexxo, 'build', '--adapter', adapter], { cwd: appDir }))).stdout;
      const cloudflareLog = await build('cloudflare');
      expect(readFileSync(join(appDir, '.nexxo', 'cloudflare', 'wrangler.jsonc'), 'utf8'), name).toContain('"main": "worker.js"');
      const size = /worker\.js\s+[\d.]+ [kM]B \(([\d.]+) (kB|MB) gzip\)/.exec(cloudflareLog);
      expect(size, `${name}: no Worker size in the build output:\n${cloudflareLog}`).not.toBeNull();
      expect(Number(size![1]) * (size![2] === 'MB' ? 1024 : 1), name).toBeLessThan(1024);

      await build('vercel');
      const output = join(appDir, '.vercel', 'output');
      expect(JSON.parse(readFileSync(join(output, 'config.json'), 'utf8')), name).toMatchObject({ version: 3 });
      expect(existsSync(join(output, 'functions', 'index.func', '.vc-config.json')), name).toBe(true);
    }
  }, 240_000);
});
