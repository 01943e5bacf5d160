import { chromium, type Browser, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface TrackedPage {
  page: Page;
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
  /** Fails when an error was seen that `expected` does not match. */
  assertNoUnexpectedErrors: (expected?: RegExp[]) => void;
}

/** A page that records every console error and uncaught exception, so a test can fail on them. */
export async function openPage(browser: Browser, options: { javaScriptEnabled?: boolean } = {}): Promise<TrackedPage> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return {
    page,
    errors,
    assertNoUnexpectedErrors(expected = []) {
      const unexpected = errors.filter((error) => !expected.some((pattern) => pattern.test(error)));
      if (unexpected.length > 0) throw new Error(`Unexpected browser console errors:\n${unexpected.join('\n')}`);
    },
  };
}
