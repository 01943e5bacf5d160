import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { copyFixture } from './fixtures.js';
import { cli, startServer, type TestServer } from './server.js';

export interface ServedFixture {
  /** The copy's folder (set once `beforeAll` ran). */
  readonly root: string;
  readonly server: TestServer;
}

/**
 * For the enclosing describe block: copies a fixture app, lets `prepare` change the copy, builds it (prod), serves it with
 * `nexxo start` or `nexxo dev`, and removes it all afterwards. Tests edit and build the copy, never
 * the fixture itself.
 */
export function serveFixture(name: string, mode: 'prod' | 'dev', timeoutMs = 30_000, prepare?: (root: string) => void): ServedFixture {
  let root: string | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    root = copyFixture(name);
    prepare?.(root);
    if (mode === 'prod') execFileSync(process.execPath, [cli, 'build', root], { stdio: 'pipe' });
    server = await startServer(root, timeoutMs, mode === 'prod' ? 'start' : 'dev');
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });
  return {
    get root() {
      return root!;
    },
    get server() {
      return server!;
    },
  };
}

/** One Chromium for the test file, closed afterwards. */
export function useBrowser(): { readonly browser: Browser } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());
  return {
    get browser() {
      return browser!;
    },
  };
}
