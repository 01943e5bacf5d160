import { createApp } from '@nexxo/runtime';
import { join } from 'node:path';
import { createImageOptimizer } from './image-optimizer.js';
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
  const app = createApp({ build, readFile: fileReader(options.outDir), images });
  return serveFetch({ fetch: app.fetch, port: options.port, hostname: options.hostname, handleSignals: options.handleSignals });
}
