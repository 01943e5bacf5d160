import './webpack-runtime.js';
import { createFromReadableStream } from 'react-server-dom-webpack/client.browser';
import { createRoot, hydrateRoot } from 'react-dom/client';
import type { RscPayload } from '../shared/rsc-payload.js';
import { AppRouter } from './app-router.js';
import { BrowserNavigation } from './browser-navigation.js';
import { inlinePayloadStream } from './inline-payload.js';
import { isNotFoundError, readRedirect } from '../shared/navigation-errors.js';
// In the entry chunk so that pages do not wait for a second chunk to render them.
import './segment-boundaries.js';
import './link.js';

async function start(): Promise<void> {
  const payload = (await createFromReadableStream(inlinePayloadStream())) as RscPayload;
  const navigation = new BrowserNavigation(payload.buildId);
  // The dev client refreshes the page through the router when server code changes.
  if (process.env.NODE_ENV !== 'production') (globalThis as Record<string, unknown>).__nexxo_navigation = navigation;
  const app = <AppRouter initial={payload} navigation={navigation} />;
  const options = { onCaughtError };
  if (document.documentElement.hasAttribute('data-nexxo-error')) {
    // The server could not render the shell: render on the client, where error boundaries work.
    createRoot(document, options).render(app);
  } else {
    hydrateRoot(document, app, options);
  }
}

/** notFound() and redirect() are control flow, not failures: only real errors reach the console. */
function onCaughtError(error: unknown): void {
  if (isNotFoundError(error) || readRedirect(error)) return;
  console.error(error);
}

void start();
