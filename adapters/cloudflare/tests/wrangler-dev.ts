import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const wrangler = fileURLToPath(new URL('../../../node_modules/wrangler/bin/wrangler.js', import.meta.url));

export interface WranglerDev {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** A free TCP port on 127.0.0.1 (wrangler needs a number: it does not report port 0's choice). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Runs `wrangler dev` (local workerd, offline, no login, no metrics) on the Worker written by the
 * Cloudflare adapter, on 127.0.0.1 and a free port. `stop` ends the whole process tree.
 */
export async function startWranglerDev(configDir: string, timeoutMs = 60_000, extraArgs: string[] = []): Promise<WranglerDev> {
  const port = await freePort();
  const home = mkdtempSync(join(tmpdir(), 'nexxo-wrangler-'));
  const child = spawn(process.execPath, [wrangler, 'dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', '0', '--show-interactive-dev-session=false', '--log-level', 'info', ...extraArgs], {
    cwd: configDir,
    // Its own process group, so that stop() reaches workerd too.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, XDG_CONFIG_HOME: home, WRANGLER_SEND_METRICS: 'false', CI: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  let output = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        rmSync(home, { recursive: true, force: true });
        resolve();
      };
      if (child.exitCode !== null || child.signalCode !== null) return done();
      const kill = setTimeout(() => signal('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(kill);
        // workerd may outlive wrangler for a moment: the group gets the final word.
        signal('SIGKILL');
        done();
      });
      signal('SIGTERM');
    });
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // The group is gone already.
    }
  };
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`wrangler dev did not start in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (data: Buffer) => {
      output += data.toString();
      if (/Ready on http:\/\/127\.0\.0\.1:\d+/.test(output)) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${port}`);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`wrangler dev exited with ${code}:\n${output}`));
    });
  });
  return { url, output: () => output, stop };
}
