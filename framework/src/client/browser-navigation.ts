import { startTransition } from 'react';
import { createFromFetch, createTemporaryReferenceSet, encodeReply } from 'react-server-dom-webpack/client.browser';
import { ACTION_HEADER, ACTION_REDIRECT_HEADER, RSC_CONTENT_TYPE, TREE_HEADER, encodeTree, type ActionResponse, type RscPayload } from '../shared/rsc-payload.js';
import { callServer } from './call-server.js';
import { DocumentNavigationRequired, fetchPayload } from './fetch-payload.js';
import type { AppRouterInstance, NavigateOptions } from './router-context.js';
import { canApply, rootLayoutKeys, stateFromPayload, type RouterState } from './router-state.js';
import { withBasePath } from '../shared/base-path.js';

const PREFETCH_TTL_MS = 30_000;

interface HistoryEntryState {
  nexxo: { entryId: number; scroll?: { x: number; y: number } };
}

/**
 * Client-side navigation: fetches payloads, keeps one rendered state per history entry for
 * back/forward, and commits through React transitions so the old page stays until the new one
 * (or its loading state) is ready.
 */
export class BrowserNavigation {
  readonly #buildId: string;
  #getState: () => RouterState = () => {
    throw new Error('The app router is not mounted.');
  };
  #setState: (state: RouterState) => void = () => {};
  #latest = 0;
  #nextEntryId = Math.floor(Math.random() * 1e9);
  readonly #entries = new Map<number, RouterState>();
  readonly #prefetches = new Map<string, { tree: string; at: number; result: Promise<{ payload: RscPayload; url: URL }> }>();

  readonly router: AppRouterInstance = {
    push: (href, options) => void this.navigate(withBasePath(href), 'push', options),
    replace: (href, options) => void this.navigate(withBasePath(href), 'replace', options),
    back: () => history.back(),
    forward: () => history.forward(),
    refresh: () => void this.navigate(location.href, 'none', { scroll: false }, true),
    prefetch: (href) => this.prefetch(withBasePath(href)),
  };

  constructor(buildId: string) {
    this.#buildId = buildId;
  }

  initialEntryId(): number {
    return this.#nextEntryId++;
  }

  /** Called once by the mounted app router. */
  connect(getState: () => RouterState, setState: (state: RouterState) => void): void {
    this.#getState = getState;
    this.#setState = setState;
    history.scrollRestoration = 'manual';
    addEventListener('popstate', this.#onPopState);
  }

  /** Called after every commit: updates history and scroll as the state asks. */
  committed(state: RouterState): void {
    this.#entries.set(state.entryId, state);
    const entry: HistoryEntryState = { nexxo: { entryId: state.entryId } };
    const href = state.url + state.hash;
    if (process.env.NODE_ENV !== 'production' && state.history !== 'none') dispatchEvent(new Event('nexxo:navigate'));
    if (state.history === 'push') history.pushState(entry, '', href);
    else if (state.history === 'replace') history.replaceState(entry, '', href);
    // The first commit (hydration) only tags the entry: the address bar already shows the real URL.
    else if (!(history.state as HistoryEntryState | null)?.nexxo) history.replaceState(entry, '');
    if (state.scroll === 'top') {
      const target = state.hash ? document.getElementById(decodeURIComponent(state.hash.slice(1))) : null;
      if (target) target.scrollIntoView();
      else scrollTo(0, 0);
    } else if (state.scroll !== 'none') scrollTo(state.scroll.x, state.scroll.y);
  }

  async navigate(href: string, mode: 'push' | 'replace' | 'none', options: NavigateOptions = {}, refresh = false): Promise<void> {
    const url = new URL(href, location.href);
    if (url.origin !== location.origin) {
      location.assign(url.href);
      return;
    }
    const current = this.#getState();
    this.#saveScroll(current.entryId);
    const token = ++this.#latest;
    if (!refresh && url.pathname + url.search === current.url && url.hash && mode !== 'none') {
      // Only the hash changes: no server round trip, like a plain anchor.
      this.#commit({ ...current, hash: url.hash, history: mode, scroll: 'top' });
      return;
    }
    try {
      let result = refresh ? null : await this.#takePrefetch(url, current);
      result ??= await fetchPayload(url, refresh ? null : current.keys);
      if (token !== this.#latest) return;
      // A new deployment, or another root layout (its <html> is not ours to swap): load a document.
      if (result.payload.buildId !== this.#buildId || rootLayoutKeys(result.payload) !== current.rootLayoutKeys) throw new DocumentNavigationRequired(result.url.href);
      const latest = this.#getState();
      if (!canApply(result.payload, latest)) result = await fetchPayload(url, null);
      if (token !== this.#latest) return;
      const entryId = mode === 'push' ? this.#nextEntryId++ : latest.entryId;
      const scroll = options.scroll === false || refresh ? 'none' : 'top';
      // The URL the user asked for: a prerendered payload knows only its pathname, not the search.
      const shownUrl = result.url.pathname + result.url.search;
      this.#commit(stateFromPayload(result.payload, latest, { entryId, history: mode, scroll, hash: result.url.hash, url: shownUrl }));
    } catch (error) {
      if (token !== this.#latest) return;
      // A network failure or a non-page response: let the browser load it, which also shows its error.
      location.assign(error instanceof DocumentNavigationRequired ? error.url : url.href);
    }
  }

  /**
   * Calls a server action: posts its arguments to the current page and applies the answer in the
   * same round trip (the changed page, or the page a redirect() led to).
   */
  async callAction(id: string, args: unknown[]): Promise<unknown> {
    const current = this.#getState();
    const temporaryReferences = createTemporaryReferenceSet();
    const body = await encodeReply(args, { temporaryReferences });
    const response = await fetch(current.url, {
      method: 'POST',
      headers: { accept: RSC_CONTENT_TYPE, [ACTION_HEADER]: id, [TREE_HEADER]: encodeTree(current.keys) },
      body,
      credentials: 'same-origin',
    });
    const redirect = response.headers.get(ACTION_REDIRECT_HEADER);
    const isPayload = response.headers.get('content-type')?.startsWith(RSC_CONTENT_TYPE) ?? false;
    if (redirect !== null) {
      const target = new URL(redirect, location.href);
      if (!isPayload || target.origin !== location.origin) {
        location.assign(target.href);
        return undefined;
      }
      const payload = (await createFromFetch(Promise.resolve(response), { callServer })) as RscPayload;
      this.#applyPayload(payload, target, 'push', 'top');
      return undefined;
    }
    if (!response.ok || !isPayload) throw new Error(`The server action failed: ${response.status} ${(await response.text()).slice(0, 200)}`);
    const result = (await createFromFetch(Promise.resolve(response), { callServer, temporaryReferences })) as ActionResponse;
    // The action may have changed any page: prefetched payloads are no longer to be trusted.
    if (result.payload) this.#prefetches.clear();
    if (result.payload) this.#applyPayload(result.payload, new URL(current.url + current.hash, location.href), 'none', 'none');
    return result.returnValue;
  }

  /** Shows a payload that came with an action's answer, unless the user navigated elsewhere meanwhile. */
  #applyPayload(payload: RscPayload, url: URL, mode: 'push' | 'none', scroll: 'top' | 'none'): void {
    const latest = this.#getState();
    if (payload.buildId !== this.#buildId || rootLayoutKeys(payload) !== latest.rootLayoutKeys || !canApply(payload, latest)) {
      location.assign(url.href);
      return;
    }
    ++this.#latest;
    const entryId = mode === 'push' ? this.#nextEntryId++ : latest.entryId;
    this.#commit(stateFromPayload(payload, latest, { entryId, history: mode, scroll, hash: url.hash, url: url.pathname + url.search }));
  }

  prefetch(href: string): void {
    const url = new URL(href, location.href);
    if (url.origin !== location.origin) return;
    const key = url.pathname + url.search;
    const current = this.#getState();
    const tree = current.keys.join('/');
    const existing = this.#prefetches.get(key);
    if (existing && existing.tree === tree && Date.now() - existing.at < PREFETCH_TTL_MS) return;
    const result = fetchPayload(url, current.keys, { prefetch: true });
    result.catch(() => this.#prefetches.delete(key));
    this.#prefetches.set(key, { tree, at: Date.now(), result });
  }

  async #takePrefetch(url: URL, current: RouterState): Promise<{ payload: RscPayload; url: URL } | null> {
    const key = url.pathname + url.search;
    const prefetched = this.#prefetches.get(key);
    if (!prefetched) return null;
    this.#prefetches.delete(key);
    if (prefetched.tree !== current.keys.join('/') || Date.now() - prefetched.at > PREFETCH_TTL_MS) return null;
    try {
      const result = await prefetched.result;
      return { payload: result.payload, url: new URL(result.url.pathname + result.url.search + url.hash, location.href) };
    } catch {
      return null;
    }
  }

  #commit(state: RouterState): void {
    startTransition(() => this.#setState(state));
  }

  #saveScroll(entryId: number): void {
    const entry: HistoryEntryState = { nexxo: { entryId, scroll: { x: scrollX, y: scrollY } } };
    history.replaceState(entry, '');
  }

  readonly #onPopState = (event: PopStateEvent): void => {
    const entry = (event.state as HistoryEntryState | null)?.nexxo;
    const restored = entry ? this.#entries.get(entry.entryId) : undefined;
    const scroll = entry?.scroll ?? { x: 0, y: 0 };
    ++this.#latest;
    if (restored) {
      this.#commit({ ...restored, history: 'none', scroll });
      return;
    }
    void this.navigate(location.href, 'none', { scroll: true });
  };
}
