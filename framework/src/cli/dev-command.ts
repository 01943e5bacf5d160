import { resolve } from 'node:path';
import { startDevServer } from '../dev/dev-server.js';
import { loadConfig, loadEnv } from '../config/index.js';

export async function devCommand(dir: string, options: { port?: string; hostname?: string; force?: boolean }): Promise<void> {
  const started = performance.now();
  const port = options.port === undefined ? 3000 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw Object.assign(new Error(`PORT / --port must be a whole number from 0 to 65535, not "${options.port}".`), { code: 'NEXXO_USAGE' });
  const root = resolve(dir);
  const { publicEnv } = loadEnv(root, 'development');
  const config = await loadConfig(root, 'development');
  const server = await startDevServer({ root, config, publicEnv, port, hostname: options.hostname || 'localhost', force: options.force ?? false });
  console.log(`▲ nexxo dev ready on ${server.url} in ${Math.round(performance.now() - started)} ms (routes compile when first requested)`);
}
