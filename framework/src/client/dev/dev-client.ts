import { basePath } from '../../shared/base-path.js';
import { hideErrorOverlay, showErrorOverlay, type DevError } from './error-overlay.js';

/** Messages the dev server sends over `/_nexxo/dev/events`. */
export type DevMessage =
  | { type: 'client-update'; modules: Array<{ file: string; chunk: string | null; reload?: string }> }
  | { type: 'server-update' }
  /** Stylesheets with new URLs (an edited CSS file, or a Tailwind source). */
  | { type: 'css-update'; swaps: Array<{ from: string; to: string }> }
  /** `build` errors last until a build succeeds; `render` errors belong to the render that threw. */
  | { type: 'error'; error: DevError; source: 'build' | 'render' }
  | { type: 'clear-error' }
  | { type: 'reload'; reason: string };

interface Globals {
  __nexxo_refresh?: { perform(): unknown };
  __nexxo_navigation?: { router: { refresh(): void } };
  __nexxo_dev_reference?: (id: string) => Promise<unknown>;
}
const globals = globalThis as unknown as Globals;

/** Client references compiled after this page loaded come from the dev server's current table. */
globals.__nexxo_dev_reference = async (id) => {
  const table = (await import(/* @vite-ignore */ `${basePath}/_nexxo/dev/references.js?t=${Date.now()}`)) as { default: Record<string, () => Promise<unknown>> };
  const load = table.default[id];
  if (!load) throw new Error(`The dev server does not know client component "${id}". Reload the page.`);
  return load();
};

async function applyClientUpdate(modules: Extract<DevMessage, { type: 'client-update' }>['modules']): Promise<void> {
  const reload = modules.find((module) => module.reload || !module.chunk);
  if (reload) {
    console.info(`[nexxo] ${reload.file}: ${reload.reload ?? 'its code is not in a chunk that can be swapped'}, so the page reloads.`);
    location.reload();
    return;
  }
  // Each chunk URL is new (content-hashed): importing it runs the edited modules again, and they
  // register their components with React Refresh, which swaps them in place, keeping state.
  await Promise.all(modules.map((module) => import(/* @vite-ignore */ module.chunk!)));
  globals.__nexxo_refresh?.perform();
}

/**
 * Loads the new stylesheet next to the old one and removes the old one once the new one applies,
 * so the page never shows unstyled. React finds the new link by its URL when it renders it later.
 */
function swapStylesheet(from: string, to: string): void {
  for (const link of document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')) {
    if (link.getAttribute('href') !== from) continue;
    const next = link.cloneNode() as HTMLLinkElement;
    next.href = to;
    next.addEventListener('load', () => link.remove(), { once: true });
    next.addEventListener('error', () => link.remove(), { once: true });
    link.after(next);
  }
}

function handle(message: DevMessage): void {
  switch (message.type) {
    case 'client-update':
      void applyClientUpdate(message.modules);
      return;
    case 'css-update':
      for (const swap of message.swaps) swapStylesheet(swap.from, swap.to);
      return;
    case 'server-update':
      globals.__nexxo_navigation?.router.refresh();
      return;
    case 'error':
      showErrorOverlay(message.error);
      renderErrorShown = message.source === 'render';
      return;
    case 'clear-error':
      hideErrorOverlay();
      // A page served while the build was broken has no app to refresh: load it again.
      if (document.documentElement.hasAttribute('data-nexxo-dev-error')) location.reload();
      return;
    case 'reload':
      console.info(`[nexxo] ${message.reason}: reloading the page.`);
      location.reload();
  }
}

// A render error belongs to the page that threw: navigating away clears its overlay.
let renderErrorShown = false;
addEventListener('nexxo:navigate', () => {
  if (renderErrorShown) hideErrorOverlay();
  renderErrorShown = false;
});

const events = new EventSource(`${basePath}/_nexxo/dev/events`);
events.onmessage = (event: MessageEvent<string>) => handle(JSON.parse(event.data) as DevMessage);
