import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { compressResponse } from './compress.js';

export interface ServeFetchOptions {
  fetch: (request: Request) => Response | Promise<Response>;
  port?: number;
  hostname?: string;
  /** Stop the process on SIGTERM/SIGINT after in-flight requests finish. Default true. */
  handleSignals?: boolean;
  /** Called before the process exits on a signal (e.g. to close file watchers). */
  onShutdown?: () => Promise<void> | void;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Stops accepting connections and resolves once in-flight requests have finished. */
  close(): Promise<void>;
}

const SHUTDOWN_TIMEOUT_MS = 30_000;

/**
 * Serves a Web `fetch` handler on Node with compression and graceful shutdown: on SIGTERM the
 * server stops accepting connections and exits once in-flight requests have finished.
 */
export async function serveFetch(options: ServeFetchOptions): Promise<RunningServer> {
  const hostname = options.hostname ?? 'localhost';
  const server = await new Promise<Server>((resolve, reject) => {
    const started = serve(
      { fetch: async (request) => compressResponse(request, await options.fetch(request)), port: options.port ?? 3000, hostname },
      () => resolve(started as Server),
    );
    (started as Server).once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? Object.assign(new Error(`Port ${options.port} on ${hostname} is already in use.\n  Fix: stop the other server, or pass another port with --port (or PORT).`), { code: 'NEXXO_PORT_IN_USE' })
          : error,
      ),
    );
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Keep-alive connections idle between requests would hold close() open: drop them as they go idle.
      server.closeIdleConnections();
      const idle = setInterval(() => server.closeIdleConnections(), 100);
      const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_TIMEOUT_MS);
      server.once('close', () => {
        clearInterval(idle);
        clearTimeout(force);
      });
    }));
  if (options.handleSignals !== false) {
    const shutdown = (signal: string) => {
      console.log(`\n${signal} received: finishing in-flight requests…`);
      void Promise.all([close(), options.onShutdown?.()]).then(() => process.exit(0));
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  }
  const displayHost = hostname.includes(':') ? `[${hostname}]` : hostname;
  return { url: `http://${displayHost}:${port}`, port, close };
}
