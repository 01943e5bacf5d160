import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../../test-utils/server.js';

function run(...args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 20_000 });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe('nexxo CLI', () => {
  it('prints its version and help', () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(run('--version').output.trim()).toBe(version);
    expect(run('--help').output).toContain('nexxo start [dir] [--port N] [--hostname H]');
    expect(run('--help').output).toContain('nexxo analyze [dir] [--open]');
  });

  it('explains an unknown command without a stack trace', () => {
    const { status, output } = run('frob');
    expect(status).toBe(1);
    expect(output).toContain('Unknown command "frob"');
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('tells the user to build first when start finds no build', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nexxo-cli-'));
    try {
      const { status, output } = run('start', dir, '--port', '0');
      expect(status).toBe(1);
      expect(output).toContain(`No build found at ${join(dir, '.nexxo', 'manifest.json')}`);
      expect(output).toContain('Fix: run `nexxo build`');
      expect(output).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a port that is not a number', () => {
    const { status, output } = run('start', '.', '--port', 'abc');
    expect(status).toBe(1);
    expect(output).toContain('--port must be a whole number from 0 to 65535, not "abc"');
  });
});
