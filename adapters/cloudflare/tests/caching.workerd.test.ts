import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStaleWhileRevalidate, startUpstream, textOf, type Upstream } from '../../../fixtures/caching/tests/helpers.js';
import { copyFixture } from '../../../test-utils/fixtures.js';
import { cli } from '../../../test-utils/server.js';
import { startWranglerDev, type WranglerDev } from './wrangler-dev.js';

/**
 * The caching fixture on workerd (`wrangler dev`): the data cache and regenerated pages live in a
 * KV namespace bound as NEXXO_CACHE, or without one in the Cache API. Both persist across a
 * restart of `wrangler dev` (it keeps local state in .wrangler/state).
 */
describe.each(['kv', 'cache-api'] as const)('data cache and ISR on Cloudflare Workers (%s)', (store) => {
  let root: string;
  let upstream: Upstream;
  let worker: WranglerDev;
  const start = () => startWranglerDev(join(root, '.nexxo/cloudflare'), 60_000, ['--var', `UPSTREAM_URL:${upstream.url}`]);

  beforeAll(async () => {
    upstream = await startUpstream();
    root = copyFixture('caching');
    if (store === 'kv') writeFileSync(join(root, 'wrangler.jsonc'), '{ "kv_namespaces": [{ "binding": "NEXXO_CACHE", "id": "nexxo-cache-local" }] }\n');
    execFileSync(process.execPath, [cli, 'build', root, '--adapter', 'cloudflare'], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, UPSTREAM_URL: upstream.url } });
    worker = await start();
  }, 180_000);
  afterAll(async () => {
    await worker?.stop();
    await upstream?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  const get = (path: string, init?: RequestInit) => fetch(worker.url + path, init);

  it('caches fetch with next.tags until revalidateTag, per Authorization header', async () => {
    const first = await textOf(await get('/fetch-cached'), 'hits');
    expect(first).toMatch(/^hits: \d+$/);
    expect(await textOf(await get('/fetch-cached'), 'hits')).toBe(first);
    await get('/api/revalidate?tag=hits', { method: 'POST' });
    const after = await textOf(await get('/fetch-cached'), 'hits');
    expect(after).not.toBe(first);
    expect(await textOf(await get('/fetch-cached'), 'hits')).toBe(after);

    expect(await textOf(await get('/whoami', { headers: { cookie: 'user=alice' } }), 'me')).toBe('me: alice');
    expect(await textOf(await get('/whoami', { headers: { cookie: 'user=bob' } }), 'me')).toBe('me: bob');
  });

  it('serves a page with revalidate = 2 stale while it regenerates, then the new version', () => expectStaleWhileRevalidate(get), 20_000);

  it('regenerates a page on revalidatePath and keeps it across a restart', async () => {
    const built = await textOf(await get('/static-page'), 'rendered');
    await get('/api/revalidate?path=/static-page', { method: 'POST' });
    const regenerated = await textOf(await get('/static-page'), 'rendered');
    expect(regenerated).not.toBe(built);
    expect(await textOf(await get('/static-page'), 'rendered')).toBe(regenerated);

    await worker.stop();
    worker = await start();
    expect(await textOf(await get('/static-page'), 'rendered')).toBe(regenerated);
  }, 90_000);
});
