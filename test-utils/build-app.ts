import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterEach, expect } from 'vitest';
import { writeApp } from './fixtures.js';
import { cli } from './server.js';

export interface BuiltApp {
  root: string;
  status: number | null;
  /** What the user sees: stdout and stderr of `nexxo build`. */
  output: string;
}

/**
 * For the enclosing test file: a `build(files)` that writes a small app, runs `nexxo build` on it
 * and returns what the user sees. The apps are removed after each test.
 */
export function useAppBuilds(): (files: Record<string, string>, args?: string[]) => BuiltApp {
  const apps: string[] = [];
  afterEach(() => {
    for (const app of apps.splice(0)) rmSync(app, { recursive: true, force: true });
  });
  return (files, args = []) => {
    const root = writeApp(files);
    apps.push(root);
    const result = spawnSync(process.execPath, [cli, 'build', root, ...args], { encoding: 'utf8', timeout: 60_000 });
    return { root, status: result.status, output: result.stdout + result.stderr };
  };
}

/** A user's mistake is reported without Nexxo's own stack frames. */
export function expectNoInternalStack(output: string): void {
  expect(output).not.toMatch(/\n\s+at .*(framework|compiler|rolldown)\/(dist|src)/);
}
