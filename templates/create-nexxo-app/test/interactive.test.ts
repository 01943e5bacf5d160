// The prompts, driven through a real pseudo-terminal: util-linux `script` runs the CLI on a pty
// (so stdin.isTTY is true and @clack/prompts reads raw keys), and the test types the answers.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../index.js', import.meta.url));
const script = '/usr/bin/script';
const keys = { down: '\x1b[B', right: '\x1b[C', enter: '\r' };

const tmp = mkdtempSync(join(tmpdir(), 'create-nexxo-app-pty-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * Runs the CLI on a pty in `cwd`. `answer(prompt, keys)` waits until the prompt's text is on the
 * screen, then types; `exit` settles when the CLI ends. Everything is killed after `timeout` ms.
 */
function runInTerminal(cwd: string, timeout = 15_000) {
  // `stty` gives the pty a size (it has none when script's own stdin is a pipe); -e passes on the exit code.
  const child = spawn(script, ['-qefc', `stty cols 100 rows 40; exec "${process.execPath}" "${cli}"`, '/dev/null'], {
    cwd,
    detached: true, // its own process group, so a kill reaches script and node both
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_user_agent: 'npm/11 node/v20' },
  });
  let screen = '';
  const listeners = new Set<() => void>();
  const onData = (data: Buffer) => {
    screen += data;
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
  };
  const timer = setTimeout(kill, timeout);
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => (clearTimeout(timer), resolve(code))));

  async function answer(prompt: string, ...typed: string[]) {
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!stripVTControlCharacters(screen).includes(prompt)) return;
        listeners.delete(check), resolve();
      };
      listeners.add(check);
      check();
      void exit.then(() => reject(new Error(`The CLI ended before asking "${prompt}":\n${stripVTControlCharacters(screen)}`)));
    });
    // One key per write, as a person types: each is one keypress for the prompt.
    for (const key of typed) {
      child.stdin!.write(key);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
  }
  return { answer, exit, kill, screen: () => stripVTControlCharacters(screen) };
}

// util-linux's script; BSD's (macOS) takes other flags.
describe.skipIf(process.platform !== 'linux' || !existsSync(script))('create-nexxo-app in a terminal', () => {
  it('asks for every choice and creates the app the answers describe', async () => {
    const terminal = runInTerminal(tmp);
    try {
      await terminal.answer('Where should the app go?', ...'pty-app', keys.enter);
      await terminal.answer('Which template?', keys.down, keys.enter); // default → minimal
      await terminal.answer('Use Tailwind CSS?', keys.right, keys.enter); // Yes → No
      await terminal.answer('Where will it run?', keys.down, keys.down, keys.enter); // node → vercel → cloudflare
      await terminal.answer('Install dependencies now?', keys.right, keys.enter); // Yes → No
      expect(await terminal.exit, terminal.screen()).toBe(0);
    } finally {
      terminal.kill();
    }
    expect(terminal.screen()).toContain('Created pty-app from the minimal template, CSS Modules, for cloudflare');
    expect(terminal.screen()).toMatch(/Next steps:\s+cd pty-app\s+npm install\s+npm run dev/);

    const app = join(tmp, 'pty-app');
    const manifest = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8'));
    expect(manifest.name).toBe('pty-app');
    expect(manifest.devDependencies).toHaveProperty('wrangler');
    expect(manifest.devDependencies).not.toHaveProperty('tailwindcss');
    expect(readFileSync(join(app, 'nexxo.config.ts'), 'utf8')).toContain("adapter: 'cloudflare'");
    expect(readFileSync(join(app, 'README.md'), 'utf8')).toContain('from the **minimal** template, styled with CSS Modules');
    expect(existsSync(join(app, 'app', 'page.module.css'))).toBe(true);
    expect(existsSync(join(app, 'postcss.config.mjs'))).toBe(false);
    expect(existsSync(join(app, 'node_modules'))).toBe(false);
  });
});
