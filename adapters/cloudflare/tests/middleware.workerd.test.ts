import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { middlewareHttpCases } from '../../../fixtures/middleware/tests/http-cases.js';
import { copyFixture } from '../../../test-utils/fixtures.js';
import { cli } from '../../../test-utils/server.js';
import { startWranglerDev, type WranglerDev } from './wrangler-dev.js';

/** The middleware fixture built with the Cloudflare adapter: the same middleware.ts behaviour inside workerd. */
describe('middleware on Cloudflare Workers (wrangler dev)', () => {
  let root: string;
  let worker: WranglerDev;
  beforeAll(async () => {
    root = copyFixture('middleware');
    execFileSync(process.execPath, [cli, 'build', root, '--adapter', 'cloudflare'], { encoding: 'utf8', timeout: 120_000 });
    worker = await startWranglerDev(join(root, '.nexxo/cloudflare'));
  }, 180_000);
  afterAll(async () => {
    await worker?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  middlewareHttpCases((path, init) => fetch(worker.url + path, { redirect: 'manual', ...init }), () => worker.url);
});
