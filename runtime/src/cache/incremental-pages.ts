import { base64ToBytes, bytesToBase64 } from './base64.js';
import { entryState, type CacheHandler } from './cache-handler.js';
import { pathTags } from './path-tags.js';
import { renderStaticPage, type StaticPageInput } from './render-static-page.js';
import type { ManifestRoute, Params, PrerenderedPage } from '../manifest.js';

export interface CachedPage {
  html: Uint8Array;
  rsc: Uint8Array;
  status: number;
}

export interface IncrementalPagesOptions {
  cache: CacheHandler;
  /** When the build's prerendered files were made (ms since epoch). */
  builtAt: number;
  /** Everything renderStaticPage needs besides the page itself. */
  render: Omit<StaticPageInput, 'request' | 'routeId' | 'params' | 'preloadModules'>;
  now?: () => number;
}

export interface PageLookup {
  /** The canonical pathname, inside the base path. */
  pathname: string;
  /** The page's URL, with the base path. */
  url: URL;
  route: ManifestRoute;
  params: Params;
  prerendered: PrerenderedPage;
  /** Keeps a background regeneration alive where the platform ends work with the response. */
  waitUntil: (work: Promise<unknown>) => void;
}

/**
 * Incremental static regeneration. A prerendered page is served from the build's files until it is
 * regenerated; then from the cache. After its `revalidate` seconds it is still served, stale,
 * while one background render replaces it (a request never waits for it). revalidatePath and
 * revalidateTag make it invalid: the next request renders it afresh before answering.
 */
export function createIncrementalPages(options: IncrementalPagesOptions) {
  const { cache } = options;
  const now = options.now ?? Date.now;
  const running = new Map<string, Promise<CachedPage | null>>();

  async function regenerate(lookup: PageLookup): Promise<CachedPage | null> {
    const key = cacheKey(lookup.url);
    let work = running.get(key);
    if (!work) {
      work = render(lookup, key).finally(() => running.delete(key));
      running.set(key, work);
    }
    return work;
  }

  async function render(lookup: PageLookup, key: string): Promise<CachedPage | null> {
    const startedAt = now();
    const page = await renderStaticPage({
      ...options.render,
      request: new Request(lookup.url),
      routeId: lookup.route.id,
      params: lookup.params,
      preloadModules: lookup.route.preload,
    });
    if (page.kind !== 'page') {
      // The last good version stays: a failed regeneration never replaces a page with an error.
      console.error(`[nexxo] Could not regenerate ${lookup.url.pathname}: ${page.kind === 'error' ? `render error (digest ${page.digest})` : `it used ${page.reason}`}; serving the previous version.`);
      return null;
    }
    const value = JSON.stringify({ html: bytesToBase64(page.html), rsc: bytesToBase64(page.rsc), status: page.status });
    const revalidate = page.revalidate === false ? (lookup.prerendered.revalidate ?? false) : page.revalidate;
    await cache.set(key, { value, tags: pathTags(lookup.pathname, lookup.route.id), storedAt: startedAt, revalidate });
    return { html: page.html, rsc: page.rsc, status: page.status };
  }

  return {
    /** The page to serve, or null for the build's own prerendered files. */
    async lookup(lookup: PageLookup): Promise<CachedPage | null> {
      const tags = pathTags(lookup.pathname, lookup.route.id);
      const [entry, invalidatedAt] = await Promise.all([cache.get(cacheKey(lookup.url)), cache.tagsInvalidatedAt(tags)]);
      const current = entry ? decode(entry.value) : null;
      const state = entryState(
        { value: '', tags, storedAt: current ? entry!.storedAt : options.builtAt, revalidate: current ? entry!.revalidate : (lookup.prerendered.revalidate ?? false) },
        invalidatedAt,
        now(),
      );
      if (state === 'invalidated') return (await regenerate(lookup)) ?? current;
      if (state === 'stale') lookup.waitUntil(regenerate(lookup).catch((error: unknown) => console.error(`[nexxo] Could not regenerate ${lookup.url.pathname}:`, error)));
      return current;
    },
  };
}

function cacheKey(url: URL): string {
  return 'page:' + url.pathname;
}

function decode(value: string): CachedPage | null {
  try {
    const parsed = JSON.parse(value) as { html: string; rsc: string; status: number };
    return { html: base64ToBytes(parsed.html), rsc: base64ToBytes(parsed.rsc), status: parsed.status };
  } catch {
    return null; // written by another version, or damaged: the build's files serve meanwhile
  }
}
