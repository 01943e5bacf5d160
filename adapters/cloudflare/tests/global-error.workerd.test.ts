import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { globalErrorCases } from '../../../fixtures/app-router/tests/error-cases.js';
import { copyFixture } from '../../../test-utils/fixtures.js';
import { cli } from '../../../test-utils/server.js';
import { startWranglerDev, type WranglerDev } from './wrangler-dev.js';

/** fixtures/root-layouts on workerd: a root layout that throws leaves only global-error to show. */
describe('global-error on Cloudflare Workers (wrangler dev)', () => {
  let worker: WranglerDev;
  beforeAll(async () => {
    const root = copyFixture('root-layouts');
    execFileSync(process.execPath, [cli, 'build', root, '--adapter', 'cloudflare'], { encoding: 'utf8', timeout: 120_000 });
    worker = await startWranglerDev(join(root, '.nexxo/cloudflare'));
  });
  afterAll(() => worker?.stop());

  globalErrorCases((path, init) => fetch(worker.url + path, { redirect: 'manual', ...init }));
});
