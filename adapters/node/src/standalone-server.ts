import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { startServer } from './start-server.js';
import type { RunningServer } from './serve-fetch.js';

/**
 * What `server.js` of a standalone build (`nexxo build --adapter node`) runs: serves the build in
 * `<dir>/.nexxo` on PORT (default 3000) and HOSTNAME (default 0.0.0.0).
 *
 * The host default differs from `nexxo start` (localhost): a standalone folder is meant for a
 * container or a server, where a server bound to localhost cannot be reached from outside.
 *
 * @example
 * // server.js
 * import { runStandaloneServer } from '@nexxo/adapter-node/standalone-server';
 * await runStandaloneServer(new URL('.', import.meta.url));
 */
export async function runStandaloneServer(dir: URL | string, env: NodeJS.ProcessEnv = process.env): Promise<RunningServer | undefined> {
  const root = typeof dir === 'string' ? dir : fileURLToPath(dir);
  try {
    const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw Object.assign(new Error(`PORT must be a whole number from 0 to 65535, not "${env.PORT}".`), { code: 'NEXXO_USAGE' });
    const server = await startServer({ outDir: join(root, '.nexxo'), port, hostname: env.HOSTNAME || '0.0.0.0' });
    console.log(`▲ nexxo ready on ${server.url}`);
    return server;
  } catch (error) {
    // A user's mistake (a taken port, a bad PORT) prints its message and fix, not a stack.
    const code = (error as { code?: unknown }).code;
    console.error(typeof code === 'string' && code.startsWith('NEXXO_') ? `Error: ${(error as Error).message}` : error);
    process.exitCode = 1;
    return undefined;
  }
}
