import { resolve } from 'node:path';
import { serveFetch } from '@nexxo/adapter-node/serve-fetch';
import type { DevServer } from '../dev/dev-server.js';

/**
 * Listens first, then loads the dev server (its modules, .env files and config): the port answers
 * ~100 ms sooner, and the first requests simply wait until the server is there.
 */
export async function devCommand(dir: string, options: { port?: string; hostname?: string; force?: boolean }): Promise<void> {
  const started = performance.now();
  const port = options.port === undefined ? 3000 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw Object.assign(new Error(`PORT / --port must be a whole number from 0 to 65535, not "${options.port}".`), { code: 'NEXXO_USAGE' });
  const root = resolve(dir);
  let listening!: () => void;
  const devServer: Promise<DevServer> = new Promise<void>((resolveListening) => (listening = resolveListening)).then(async () =>
    (await import('../dev/dev-server.js')).openDevServer(root, { force: options.force ?? false }),
  );
  // Reported below, once: requests that were waiting for it get a 500 meanwhile.
  devServer.catch(() => {});
  const server = await serveFetch({
    fetch: async (request) => (await devServer).fetch(request),
    port,
    hostname: options.hostname || 'localhost',
    onShutdown: () => devServer.then((dev) => dev.close(), () => {}),
  });
  console.log(`▲ nexxo dev ready on ${server.url} in ${Math.round(performance.now() - started)} ms (routes compile when first requested)`);
  listening();
  try {
    await devServer;
  } catch (error) {
    // A config or .env file that does not load: nothing to serve until it is fixed.
    await server.close();
    throw error;
  }
}
