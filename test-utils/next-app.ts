import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cli } from './server.js';

const nextAppsDir = fileURLToPath(new URL('../framework/src/migrate/fixtures/', import.meta.url));
const testAppsDir = fileURLToPath(new URL('../.cache/test-apps/', import.meta.url));

export interface MigratedApp {
  root: string;
  /** What `nexxo migrate` printed (stdout and stderr). */
  output: string;
  exitCode: number | null;
}

/**
 * Copies one of the Next.js projects `nexxo migrate` is tested on into a fresh git repository
 * (inside the repo, so `nexxo` and `react` resolve from the workspace) and migrates it with the
 * CLI, as a user would: `git commit`, then `nexxo migrate --yes`.
 */
export function migrateNextApp(name: string, args: string[] = []): MigratedApp {
  mkdirSync(testAppsDir, { recursive: true });
  const root = mkdtempSync(join(testAppsDir, `next-${name}-`));
  cpSync(join(nextAppsDir, name), root, { recursive: true });
  const git = (...gitArgs: string[]) => execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...gitArgs], { cwd: root, stdio: 'pipe' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'the Next.js project');
  const result = spawnSync(process.execPath, [cli, 'migrate', root, '--yes', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
  return { root, output: result.stdout + result.stderr, exitCode: result.status };
}

/**
 * Opt-in (`NEXT_PARITY=<folder with node_modules/next>`): the same Next.js project, not migrated,
 * built and served by Next.js itself, so a fixture's Chromium checks can be run against it to
 * prove they describe Next.js's behaviour. Type checking is turned off in the copy: the fixtures
 * read `params` synchronously, as Next 15 still allows at run time but its types do not.
 */
export const nextParityRoot = process.env.NEXT_PARITY ?? null;

export async function startNextServer(name: string): Promise<{ url: string; stop: () => Promise<void> }> {
  if (!nextParityRoot) throw new Error('Set NEXT_PARITY to a folder where `next` is installed.');
  const { readdirSync, readFileSync, symlinkSync, writeFileSync } = await import('node:fs');
  const { spawn } = await import('node:child_process');
  const root = mkdtempSync(join(nextParityRoot, `next-${name}-`));
  cpSync(join(nextAppsDir, name), root, { recursive: true });
  symlinkSync(join(nextParityRoot, 'node_modules'), join(root, 'node_modules'));
  const configFile = readdirSync(root).find((file) => file.startsWith('next.config.'))!;
  const config = readFileSync(join(root, configFile), 'utf8');
  writeFileSync(join(root, configFile), config.replace(/(const nextConfig[^=]*=\s*\{)/, '$1\n  typescript: { ignoreBuildErrors: true }, eslint: { ignoreDuringBuilds: true },'));
  const next = join(nextParityRoot, 'node_modules/next/dist/bin/next');
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  execFileSync(process.execPath, [next, 'build'], { cwd: root, stdio: 'pipe', env, timeout: 600_000 });
  const { createServer } = await import('node:net');
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as { port: number };
      probe.close(() => resolve(free));
    });
  });
  const child = spawn(process.execPath, [next, 'start', '-p', String(port), '-H', '127.0.0.1'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`next start did not start:\n${output}`)), 30_000);
    child.stdout!.on('data', (data: Buffer) => {
      output += data.toString();
      if (/Ready in/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

/** Whether the page's router has hydrated: Nexxo and Next.js each tag the history entry. */
export function isHydratedScript(): boolean {
  const state = history.state as Record<string, unknown> | null;
  return state?.nexxo !== undefined || state?.__NA !== undefined || state?.__PRIVATE_NEXTJS_INTERNALS_TREE !== undefined;
}
