import { createApp } from '@nexxo/runtime';
import { join } from 'node:path';
import { createImageOptimizer } from './image-optimizer.js';
import { createLevelCacheHandler } from './cache/level-cache-handler.js';
import { fileReader, loadBuild } from './load-build.js';
import { serveFetch, type RunningServer } from './serve-fetch.js';

export interface StartServerOptions {
  /** The build output folder (`.nexxo`). */
  outDir: string;
  port?: number;
  hostname?: string;
  /** Stop the process on SIGTERM/SIGINT after in-flight requests finish. Default true. */
  handleSignals?: boolean;
}

/** `nexxo start`: serves a production build from its output folder. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const build = await loadBuild(options.outDir);
  // Results live beside the build: `nexxo build` empties the folder, so a new build starts a new cache.
  const images = createImageOptimizer({ cacheDir: join(options.outDir, 'cache', 'images') });
  // Fetch caching, unstable_cache and regenerated pages survive restarts, but not a new build.
  const cache = createLevelCacheHandler(join(options.outDir, 'cache', 'data'));
  const app = createApp({ build, readFile: fileReader(options.outDir), images, cache });
  return serveFetch({ fetch: app.fetch, port: options.port, hostname: options.hostname, handleSignals: options.handleSignals });
}
