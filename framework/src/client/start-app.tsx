import './webpack-runtime.js';
import { createFromReadableStream } from 'react-server-dom-webpack/client.browser';
import { createRoot, hydrateRoot, type ReactFormState } from 'react-dom/client';
import type { RscPayload } from '../shared/rsc-payload.js';
import { AppRouter } from './app-router.js';
import { BrowserNavigation } from './browser-navigation.js';
import { callServer, connectServerActions } from './call-server.js';
import { inlinePayloadStream } from './inline-payload.js';
import { isNotFoundError, readRedirect } from '../shared/navigation-errors.js';
// In the entry chunk so that pages do not wait for a second chunk to render them.
import './segment-boundaries.js';
import './link.js';

async function start(): Promise<void> {
  const payload = (await createFromReadableStream(inlinePayloadStream(), { callServer })) as RscPayload;
  const navigation = new BrowserNavigation(payload.buildId);
  connectServerActions(navigation);
  // The dev client refreshes the page through the router when server code changes.
  if (process.env.NODE_ENV !== 'production') (globalThis as Record<string, unknown>).__nexxo_navigation = navigation;
  const app = <AppRouter initial={payload} navigation={navigation} />;
  if (document.documentElement.hasAttribute('data-nexxo-error')) {
    // The server could not render the shell: render on the client, where error boundaries work.
    createRoot(document, { onCaughtError }).render(app);
  } else {
    // After a form posted without JavaScript, useActionState hydrates with the action's result.
    hydrateRoot(document, app, { onCaughtError, formState: (payload.formState ?? null) as ReactFormState | null });
  }
}

/** notFound() and redirect() are control flow, not failures: only real errors reach the console. */
function onCaughtError(error: unknown): void {
  if (isNotFoundError(error) || readRedirect(error)) return;
  console.error(error);
}

void start();
