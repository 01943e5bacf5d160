// The install step: create-nexxo-app runs `<package manager> install` in the new app, says so, and
// leaves the install out of the next steps when it worked. The package managers here are stand-ins
// on PATH that record how they were called (the real ones would need the published packages).
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../index.js', import.meta.url));
let tmp: string;
let bin: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'create-nexxo-app-install-'));
  bin = join(tmp, 'bin');
  mkdirSync(bin);
  for (const manager of ['npm', 'pnpm', 'yarn', 'bun']) {
    // Exits with the code in FAKE_INSTALL_EXIT (0 unless set), after writing "<name> <args> in <cwd>".
    writeFileSync(join(bin, manager), `#!/bin/sh\necho "${manager} $* in $(pwd)" >> "$FAKE_INSTALL_LOG"\nexit \${FAKE_INSTALL_EXIT:-0}\n`);
    chmodSync(join(bin, manager), 0o755);
  }
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function create(args: string[], exitCode = 0): Promise<{ code: number; output: string; log: string }> {
  const log = join(tmp, `install-${Math.random().toString(36).slice(2)}.log`);
  writeFileSync(log, '');
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args],
      { cwd: tmp, env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}`, FAKE_INSTALL_LOG: log, FAKE_INSTALL_EXIT: String(exitCode), NO_COLOR: '1' } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr, log: readFileSync(log, 'utf8') }),
    );
  });
}

describe('create-nexxo-app installs dependencies', () => {
  it.each([
    ['npm', 'npm run dev'],
    ['pnpm', 'pnpm dev'],
    ['yarn', 'yarn dev'],
    ['bun', 'bun run dev'],
  ])('with %s, in the new app, then prints the steps left', async (manager, dev) => {
    const { code, output, log } = await create([`app-${manager}`, '--template', 'minimal', '--package-manager', manager]);
    expect(code, output).toBe(0);
    expect(log).toBe(`${manager} install in ${join(tmp, `app-${manager}`)}\n`);
    expect(output).toContain(`Installing dependencies with ${manager}…`);
    expect(output).toContain(`Next steps:\n  cd app-${manager}\n  ${dev}\n`);
    expect(JSON.parse(readFileSync(join(tmp, `app-${manager}`, 'package.json'), 'utf8')).scripts.dev).toBe('nexxo dev');
  });

  it('keeps the app when the install fails, says so, and exits 1 with the install in the next steps', async () => {
    const { code, output, log } = await create(['app-failed', '--template', 'minimal', '--package-manager', 'pnpm'], 3);
    expect(code).toBe(1);
    expect(log).toBe(`pnpm install in ${join(tmp, 'app-failed')}\n`);
    expect(output).toContain('✖ pnpm install failed (exit code 3). The app is created; install its dependencies yourself (below).');
    expect(output).toContain('Next steps:\n  cd app-failed\n  pnpm install\n  pnpm dev\n');
    expect(readFileSync(join(tmp, 'app-failed', 'app', 'page.tsx'), 'utf8')).toContain('export default');
  });

  it('installs nothing with --no-install', async () => {
    const { code, log, output } = await create(['app-later', '--template', 'minimal', '--no-install']);
    expect(code, output).toBe(0);
    expect(log).toBe('');
  });
});
