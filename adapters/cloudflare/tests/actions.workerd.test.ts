import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionFields, formOf } from '../../../fixtures/actions/tests/helpers.js';
import { launchBrowser, openPage } from '../../../test-utils/browser.js';
import { copyFixture } from '../../../test-utils/fixtures.js';
import { cli } from '../../../test-utils/server.js';
import { startWranglerDev, type WranglerDev } from './wrangler-dev.js';

/** The actions fixture built with the Cloudflare adapter: server actions inside workerd. */
describe('server actions on Cloudflare Workers (wrangler dev)', () => {
  let root: string;
  let worker: WranglerDev;
  let browser: Browser;
  beforeAll(async () => {
    root = copyFixture('actions');
    execFileSync(process.execPath, [cli, 'build', root, '--adapter', 'cloudflare'], { encoding: 'utf8', timeout: 120_000 });
    [worker, browser] = await Promise.all([startWranglerDev(join(root, '.nexxo/cloudflare')), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  async function visit(path: string, javaScriptEnabled = true) {
    const tracked = await openPage(browser, { javaScriptEnabled });
    await tracked.page.goto(worker.url + path);
    if (javaScriptEnabled) await tracked.page.waitForFunction(() => (history.state as { nexxo?: unknown } | null)?.nexxo !== undefined);
    return tracked;
  }
  const countOf = async (page: Page) => Number((await page.textContent('#count'))!.replace('count: ', ''));

  it('runs a form action and gets the re-rendered page in the same response', async () => {
    const { page, assertNoUnexpectedErrors } = await visit('/counter');
    const before = await countOf(page);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(`${request.method()} ${new URL(request.url()).pathname}`));
    await page.click('#increment');
    await page.waitForFunction((expected) => document.querySelector('#count')?.textContent === `count: ${expected}`, before + 1);
    expect(requests).toEqual(['POST /counter']);
    assertNoUnexpectedErrors();
  });

  it('works without JavaScript, and follows redirect() without it', async () => {
    const { page } = await visit('/counter', false);
    const before = await countOf(page);
    await Promise.all([page.waitForNavigation(), page.click('#increment')]);
    expect(await countOf(page)).toBe(before + 1);

    const redirect = await visit('/redirect', false);
    await Promise.all([redirect.page.waitForNavigation(), redirect.page.click('#go')]);
    expect(await redirect.page.textContent('#from')).toBe('from: action');
  });

  it('decrypts the values an inline action closes over', async () => {
    const { page, assertNoUnexpectedErrors } = await visit('/inline/abc');
    await page.fill('#note', 'on workers');
    await page.click('#save');
    await page.waitForSelector('text=saved abc: on workers');
    assertNoUnexpectedErrors();
  });

  it('refuses an action posted from another site with 403', async () => {
    const fields = actionFields(await (await fetch(worker.url + '/counter')).text());
    expect(fields[0]![0]).toMatch(/^\$ACTION_ID_/);
    const crossSite = await fetch(worker.url + '/counter', { method: 'POST', headers: { origin: 'https://evil.example' }, body: formOf(fields) });
    expect(crossSite.status).toBe(403);
  });
});
