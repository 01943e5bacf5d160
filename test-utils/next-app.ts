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
