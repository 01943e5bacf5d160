import { startServer } from '@nexxo/adapter-node';
import { join, resolve } from 'node:path';
import { loadEnv } from '../config/load-env.js';

export async function startCommand(dir: string, options: { port?: string; hostname?: string }): Promise<void> {
  const port = options.port === undefined ? 3000 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw Object.assign(new Error(`PORT / --port must be a whole number from 0 to 65535, not "${options.port}".`), { code: 'NEXXO_USAGE' });
  // Server code reads process.env at run time: the app's .env files apply to `nexxo start` too.
  loadEnv(resolve(dir), 'production');
  const server = await startServer({ outDir: join(resolve(dir), '.nexxo'), port, hostname: options.hostname || 'localhost' });
  console.log(`▲ nexxo ready on ${server.url}`);
}
