import { createServerReference as createReference } from 'react-server-dom-webpack/client.browser';
import type { BrowserNavigation } from './browser-navigation.js';

let navigation: BrowserNavigation | undefined;

/** The browser entry connects the router: an action's answer updates the page it shows. */
export function connectServerActions(router: BrowserNavigation): void {
  navigation = router;
}

/** How React calls a server action in the browser: through the router, which posts it and applies the answer. */
export function callServer(id: string, args: unknown[]): Promise<unknown> {
  if (!navigation) return Promise.reject(new Error('A server action was called before the page finished loading. Call it from an event handler or a form.'));
  return navigation.callAction(id, args);
}

/** What a "use server" module becomes in the browser build: one of these per export. */
export function createServerReference(id: string): (...args: unknown[]) => Promise<unknown> {
  return createReference(id, callServer);
}
