import { resolve } from 'node:path';
import { serveFetch } from '@nexxo/adapter-node/serve-fetch';
import { openDevCacheStore } from '../dev/dev-cache-store.js';
import type { DevServer } from '../dev/dev-server.js';

/**
 * Listens first, then loads the dev server (its modules, .env files and config): the port answers
 * ~100 ms sooner, and the first requests simply wait until the server is there. The persistent
 * cache opens meanwhile, in its own thread.
 */
export async function devCommand(dir: string, options: { port?: string; hostname?: string; force?: boolean }): Promise<void> {
  const started = performance.now();
  const port = options.port === undefined ? 3000 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw Object.assign(new Error(`PORT / --port must be a whole number from 0 to 65535, not "${options.port}".`), { code: 'NEXXO_USAGE' });
  const root = resolve(dir);
  returnCompilerMemory();
  const cacheStore = openDevCacheStore(root, options.force ?? false);
  let listening!: () => void;
  const devServer: Promise<DevServer> = new Promise<void>((resolveListening) => (listening = resolveListening)).then(async () =>
    (await import('../dev/dev-server.js')).openDevServer(root, { cacheStore }),
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

/**
 * Rolldown's allocator (mimalloc) keeps the memory of finished builds by default; a dev server
 * builds many times and lives for hours. These settings make it give pages back to the system at
 * once: in our measurement a dev build of React's client packages left 120 MB resident instead
 * of 260 MB, at a similar speed. Read when Rolldown loads, so set before it does; a user's own
 * setting wins.
 */
function returnCompilerMemory(): void {
  process.env.MIMALLOC_ARENA_EAGER_COMMIT ??= '0';
  process.env.MIMALLOC_PURGE_DELAY ??= '0';
}
