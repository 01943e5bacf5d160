import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeApp } from '../../../test-utils/fixtures.js';
import { loadConfig } from '../config/load-config.js';
import { migrateCommand, type MigrateOptions } from './migrate-command.js';
import { NEXXO_RANGE, REACT_RANGE } from './package-json.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const nextApp: Record<string, string> = {
  'package.json': `${JSON.stringify({ name: 'shop', private: true, scripts: { dev: 'next dev --turbopack', build: 'next build', start: 'next start' }, dependencies: { next: '15.3.0', react: '19.1.0', 'react-dom': '19.1.0' } }, null, 2)}\n`,
  'next.config.mjs': [
    "/** @type {import('next').NextConfig} */",
    'const nextConfig = {',
    "  basePath: '/shop',",
    '  reactStrictMode: true,',
    '  async redirects() {',
    "    return [{ source: '/old', destination: '/new', permanent: true }];",
    '  },',
    "  images: { remotePatterns: [{ protocol: 'https', hostname: 'cdn.example.com' }] },",
    '};',
    '',
    'export default nextConfig;',
    '',
  ].join('\n'),
  'next-env.d.ts': '/// <reference types="next" />\n/// <reference types="next/image-types/global" />\n',
  'tsconfig.json': '{\n  "compilerOptions": { "strict": true, "plugins": [{ "name": "next" }] },\n  "include": ["next-env.d.ts", "**/*.ts", "**/*.tsx"],\n  "exclude": ["node_modules"]\n}\n',
  '.gitignore': 'node_modules/\n.next/\n',
  'app/layout.tsx': 'export default function RootLayout({ children }: { children: React.ReactNode }) {\n  return <html><body>{children}</body></html>;\n}\n',
  'app/page.tsx': "import Link from 'next/link';\n\nexport default function Home() {\n  return <Link href=\"/about\">About</Link>;\n}\n",
  'middleware.ts': "import { NextResponse } from 'next/server';\n\nexport function middleware() {\n  return NextResponse.next();\n}\n",
};

/** A project in the repo (so `nexxo` resolves for the config loader), committed to its own git repository. */
function committedApp(files: Record<string, string> = nextApp): string {
  const root = writeApp(files);
  roots.push(root);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: root, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'Next.js app');
  return root;
}

/** A project outside any git repository. */
function uncommittedApp(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'nexxo-migrate-'));
  roots.push(root);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), content);
  }
  return root;
}

async function run(root: string, options: MigrateOptions = {}) {
  const output: string[] = [];
  const result = await migrateCommand(root, { confirm: null, ...options, log: (text) => output.push(text) });
  return { ...result, output: output.join('\n') };
}

const read = (root: string, file: string) => readFileSync(join(root, file), 'utf8');

describe('nexxo migrate', () => {
  it('refuses a git tree with uncommitted changes, and says how to fix it', async () => {
    const root = committedApp();
    writeFileSync(join(root, 'app/page.tsx'), 'export default function Home() { return null; }\n');
    const error = await run(root).catch((reason: Error & { code?: string }) => reason);
    expect(error).toMatchObject({ code: 'NEXXO_MIGRATE' });
    expect((error as Error).message).toContain('has changes that are not committed (app/page.tsx)');
    expect((error as Error).message).toContain('commit or stash them first');
    expect((error as Error).message).toContain('--force');
    expect(existsSync(join(root, 'next.config.mjs'))).toBe(true);
  });

  it('goes ahead on uncommitted changes with --force', async () => {
    const root = committedApp();
    writeFileSync(join(root, 'app/extra.ts'), 'export const x = 1;\n');
    const { exitCode, output } = await run(root, { force: true });
    expect(exitCode).toBe(0);
    expect(existsSync(join(root, 'nexxo.config.ts'))).toBe(true);
    // Not `git clean`: that would delete the user's own untracked file too.
    expect(output).toContain('To undo, in the project folder: git checkout -- ');
    expect(output).toContain('rm nexxo-env.d.ts nexxo.config.ts');
  });

  it('refuses a folder outside git unless --yes, --force or a yes on the terminal', async () => {
    const files = { 'package.json': '{ "dependencies": { "next": "15.0.0" } }\n', 'app/page.tsx': 'export default function Page() { return null; }\n' };
    const root = uncommittedApp(files);
    await expect(run(root)).rejects.toThrow(/is not under git, so there would be no undo[\s\S]*pass --yes/);
    await expect(run(root, { confirm: async () => false })).rejects.toThrow('Cancelled; nothing was changed.');
    expect(read(root, 'package.json')).toContain('"next"');
    const { exitCode, output } = await run(root, { confirm: async (question) => question.includes('Continue?') });
    expect(exitCode).toBe(0);
    expect(read(root, 'package.json')).toContain('"nexxo"');
    expect(output).toContain('There is no undo');
    const again = uncommittedApp(files);
    expect((await run(again, { yes: true })).output).toContain('Warning: this folder is not under git');
  });

  it('refuses a folder that is not a Next.js App Router project', async () => {
    const root = uncommittedApp({ 'package.json': '{ "dependencies": { "vite": "7.0.0" } }\n', 'src/main.ts': '' });
    await expect(run(root, { yes: true })).rejects.toThrow('does not look like a Next.js App Router project');
  });

  it('with --dry-run writes nothing and prints the diff and the report', async () => {
    const root = committedApp();
    writeFileSync(join(root, 'notes.txt'), 'uncommitted, but a dry run changes nothing\n');
    const before = Object.fromEntries(Object.keys(nextApp).map((file) => [file, read(root, file)]));
    const { exitCode, output } = await run(root, { dryRun: true });
    expect(exitCode).toBe(0);
    for (const [file, content] of Object.entries(before)) expect(read(root, file)).toBe(content);
    expect(existsSync(join(root, 'nexxo.config.ts'))).toBe(false);
    expect(output).toContain(['diff --git a/package.json b/package.json', '--- a/package.json', '+++ b/package.json'].join('\n'));
    expect(output).toContain('-    "dev": "next dev --turbopack",\n-    "build": "next build",\n-    "start": "next start"\n+    "dev": "nexxo dev",');
    expect(output).toContain(`\n-    "next": "15.3.0",\n`);
    expect(output).toContain(`\n+    "nexxo": "${NEXXO_RANGE}",\n`);
    expect(output).toContain('diff --git a/next.config.mjs b/next.config.mjs\ndeleted file mode 100644');
    expect(output).toContain("new file mode 100644\n--- /dev/null\n+++ b/nexxo.config.ts\n@@ -0,0 +1,9 @@\n+import { defineConfig } from 'nexxo';");
    expect(output).toContain('\n-  "include": ["next-env.d.ts", "**/*.ts", "**/*.tsx"],\n');
    expect(output).toContain('\n+  "include": ["nexxo-env.d.ts", "**/*.ts", "**/*.tsx"],\n');
    expect(output).toContain(' .next/\n+.nexxo/');
    expect(output).toContain('Changed:\n');
    expect(output).toContain('Nothing was written. Run `nexxo migrate` without --dry-run');
  });

  it('blocks on what the build cannot run: names Nexxo lacks, parallel and intercepting routes; notes use cache', async () => {
    const root = committedApp({
      ...nextApp,
      'app/feed/page.tsx': "import { after, connection } from 'next/server';\nimport { useRouter, type ReadonlyURLSearchParams } from 'next/navigation';\n\nexport default async function Feed() {\n  'use cache';\n  await connection();\n  after(() => {});\n  return <p>feed</p>;\n}\n",
      'app/@modal/page.tsx': 'export default function Modal() {\n  return null;\n}\n',
      'app/photos/(..)photo/page.tsx': 'export default function Photo() {\n  return null;\n}\n',
      'app/_lib/@internal/x.ts': 'export const x = 1;\n',
    });
    const { exitCode, report } = await run(root);
    expect(exitCode).toBe(1);
    const blocking = report.list('blocking').map((item) => `${item.file}:${item.line ?? ''} ${item.message}`);
    expect(blocking).toEqual([
      expect.stringMatching(/^app\/@modal\/: is a parallel route slot/),
      expect.stringMatching(/^app\/photos\/\(\.\.\)photo\/: is an intercepting route/),
      expect.stringMatching(/^app\/feed\/page.tsx:1 `after` from `next\/server` is not provided by Nexxo/),
    ]);
    expect(report.list('attention').map((item) => `${item.file}:${item.line}`)).toContain('app/feed/page.tsx:5');
  });

  it('refuses a Pages Router project without writing anything', async () => {
    const files = { 'package.json': '{ "dependencies": { "next": "15.0.0" } }\n', 'pages/index.tsx': 'export default function Home() { return null; }\n' };
    const root = committedApp(files);
    await expect(migrateCommand(root, { log: () => {} })).rejects.toThrow(/is a Pages Router project \(pages\/, no app\/\).*nothing was changed/s);
    expect(read(root, 'package.json')).toBe(files['package.json']);
  });

  it('converts a project and reports a Pages Router file as blocking, with exit code 1', async () => {
    const root = committedApp({
      ...nextApp,
      'pages/legacy.tsx': "import Head from 'next/head';\n\nexport default function Legacy() {\n  return <Head><title>x</title></Head>;\n}\n",
      'app/blog/[slug]/page.tsx': 'export default function Post({ params }: { params: { slug: string } }) {\n  return <h1>{params.slug}</h1>;\n}\n',
      'instrumentation.ts': 'export function register() {}\n',
    });
    const { exitCode, output, report } = await run(root);
    expect(exitCode).toBe(1);
    expect(report.list('blocking').map((item) => `${item.file}:${item.line ?? ''}`)).toEqual(['pages/legacy.tsx:', 'pages/legacy.tsx:1']);
    expect(output).toMatch(/Unsupported \/ blocking[^\n]*:\n {2}pages\/legacy.tsx: is a Pages Router route/);
    expect(output).toContain('pages/legacy.tsx:1: `next/head` is not provided by Nexxo');
    expect(output).toContain('middleware.ts: is supported by Nexxo as it is');
    expect(output).toContain('instrumentation.ts: is not run by Nexxo');

    const pkg = JSON.parse(read(root, 'package.json')) as { scripts: Record<string, string>; dependencies: Record<string, string> };
    expect(pkg.scripts).toEqual({ dev: 'nexxo dev', build: 'nexxo build', start: 'nexxo start' });
    expect(pkg.dependencies).toEqual({ nexxo: NEXXO_RANGE, react: REACT_RANGE, 'react-dom': REACT_RANGE });
    expect(existsSync(join(root, 'next.config.mjs'))).toBe(false);
    expect(existsSync(join(root, 'next-env.d.ts'))).toBe(false);
    expect(read(root, 'nexxo-env.d.ts')).toContain('/// <reference types="nexxo/types/next" />');
    expect(read(root, 'tsconfig.json')).toBe('{\n  "compilerOptions": { "strict": true },\n  "include": ["nexxo-env.d.ts", "**/*.ts", "**/*.tsx"],\n  "exclude": ["node_modules", ".nexxo"]\n}\n');
    expect(read(root, '.gitignore')).toBe('node_modules/\n.next/\n.nexxo/\n');
    // The async request APIs codemod made the page await its params.
    expect(read(root, 'app/blog/[slug]/page.tsx')).toContain('await');
    expect(report.list('rewritten').some((item) => item.file === 'app/blog/[slug]/page.tsx')).toBe(true);
    // Imports stay `next/*` without --rewrite-imports.
    expect(read(root, 'app/page.tsx')).toBe(nextApp['app/page.tsx']);
    expect(output).toContain('To undo everything, in the project folder: git checkout -- . && git clean -fd');
  });

  it('exits 0 for a clean App Router project and rewrites imports with --rewrite-imports', async () => {
    const root = committedApp();
    const { exitCode, output } = await run(root, { rewriteImports: true });
    expect(exitCode).toBe(0);
    expect(output).not.toContain('Unsupported / blocking');
    expect(read(root, 'app/page.tsx')).toContain("import Link from 'nexxo/link';");
    expect(output).toContain('npm install');
    expect(output).toContain('npm run dev');
  });

  it('changes nothing when run again on a migrated project', async () => {
    const root = committedApp();
    await run(root);
    const { exitCode, plan, output } = await run(root, { force: true });
    expect(exitCode).toBe(0);
    expect(plan.files).toEqual([]);
    expect(output).not.toContain('To undo');
    expect(output).toContain('npm run dev');
  });

  it('writes a nexxo.config.ts that loads with the config loader', async () => {
    const root = committedApp();
    await run(root);
    expect(read(root, 'nexxo.config.ts')).toBe(
      [
        "import { defineConfig } from 'nexxo';",
        '',
        'export default defineConfig({',
        "  basePath: '/shop',",
        '  async redirects() {',
        "    return [{ source: '/old', destination: '/new', permanent: true }];",
        '  },',
        "  images: { remotePatterns: [{ protocol: 'https', hostname: 'cdn.example.com' }] },",
        '});',
        '',
      ].join('\n'),
    );
    const config = await loadConfig(root, 'production');
    expect(config.configFile).toBe(join(root, 'nexxo.config.ts'));
    expect(config.routing.basePath).toBe('/shop');
    expect(config.routing.redirects).toMatchObject([{ source: '/old', destination: '/new', permanent: true }]);
    expect(config.images.remotePatterns).toMatchObject([{ hostname: 'cdn.example.com' }]);
  });

  it('writes a loadable config from an @next/mdx config', async () => {
    const { 'next.config.mjs': _, ...withoutConfig } = nextApp;
    const root = committedApp({
      ...withoutConfig,
      'package.json': JSON.stringify({ dependencies: { next: '15.0.0', '@next/mdx': '15.0.0', '@mdx-js/loader': '3.0.0' } }),
      'lib/remark-shout.mjs': 'export default function remarkShout() {}\n',
      'next.config.mjs': [
        "import createMDX from '@next/mdx';",
        "import remarkShout from './lib/remark-shout.mjs';",
        '',
        'const withMDX = createMDX({ options: { remarkPlugins: [remarkShout] } });',
        '',
        "export default withMDX({ pageExtensions: ['ts', 'tsx', 'mdx'] });",
        '',
      ].join('\n'),
    });
    expect((await run(root)).exitCode).toBe(0);
    expect(JSON.parse(read(root, 'package.json'))).toEqual({ dependencies: { nexxo: NEXXO_RANGE } });
    const config = await loadConfig(root, 'production');
    expect(config.pageExtensions).toEqual(['ts', 'tsx', 'mdx']);
    expect(config.mdx.remarkPlugins.map((plugin) => (plugin as () => void).name)).toEqual(['remarkShout']);
  });

  it('writes a loadable config from a CommonJS function config with requires and a standalone output', async () => {
    const { 'next.config.mjs': _, ...withoutConfig } = nextApp;
    const root = committedApp({
      ...withoutConfig,
      'next.config.js': [
        "const path = require('node:path');",
        "const { PHASE_DEVELOPMENT_SERVER } = require('next/constants');",
        '',
        'module.exports = (phase) => {',
        '  const dev = phase === PHASE_DEVELOPMENT_SERVER;',
        '  return {',
        "    output: 'standalone',",
        "    env: { DEV: String(dev), DIR: path.basename(__dirname) },",
        "    experimental: { serverActions: { bodySizeLimit: '2mb' } },",
        '  };',
        '};',
        '',
      ].join('\n'),
    });
    const { exitCode } = await run(root);
    expect(exitCode).toBe(0);
    const production = await loadConfig(root, 'production');
    expect(production.adapter).toBe('node');
    expect(production.env).toEqual({ DEV: 'false', DIR: root.split('/').at(-1) });
    expect(production.serverActions.bodySizeLimit).toBe(2 * 1024 * 1024);
    expect((await loadConfig(root, 'development')).env.DEV).toBe('true');
  });
});
