import { createMemoryCacheHandler, pathTags, type CacheHandler } from '@nexxo/runtime/cache';
import { RSC_PARAM } from '@nexxo/runtime/protocol';

/** A page Vercel serves from a prerender function: its CDN copy is regenerated on request of the functions. */
export interface PlatformPage {
  /** The canonical pathname inside the base path: what the page's implicit tags are made of. */
  pathname: string;
  /** Its route id (`/blog/[slug]`). */
  routeId: string;
  /** The public URL path, with the base path. */
  url: string;
}

export interface PrerenderRevalidationOptions {
  pages: PlatformPage[];
  /** The `bypassToken` of the pages' prerender-config.json. */
  bypassToken: string;
  /** The deployment's origin (known once a request arrived), or null before. */
  origin: () => string | null;
  fetch?: typeof fetch;
}

/** The header that makes Vercel run a prerender function and replace its cached output. */
export const PRERENDER_REVALIDATE_HEADER = 'x-prerender-revalidate';

/**
 * The data cache of a Vercel function: memory of this instance, plus on-demand regeneration of the
 * CDN's prerendered pages. revalidatePath invalidates the pages whose implicit tags it names;
 * revalidateTag with any other tag cannot know which pages read that data, so it regenerates every
 * prerendered page (their data may still come from another instance's memory: see docs/caching.md).
 * The regeneration requests finish before the action's response, so a redirect that follows sees them.
 */
export function createPrerenderRevalidatingCache(options: PrerenderRevalidationOptions): CacheHandler {
  const memory = createMemoryCacheHandler();
  const send = options.fetch ?? fetch;
  const pageTags = options.pages.map((page) => ({ page, tags: new Set(pathTags(page.pathname, page.routeId)) }));

  async function regenerate(page: PlatformPage, origin: string): Promise<void> {
    for (const url of [new URL(page.url, origin), new URL(`${page.url}?${RSC_PARAM}=1`, origin)]) {
      try {
        const response = await send(url, { method: 'HEAD', headers: { [PRERENDER_REVALIDATE_HEADER]: options.bypassToken } });
        if (!response.ok) console.error(`[nexxo] Vercel did not regenerate ${url.pathname}${url.search}: HTTP ${response.status}.`);
      } catch (error) {
        console.error(`[nexxo] Could not ask Vercel to regenerate ${url.pathname}${url.search}:`, error);
      }
    }
  }

  return {
    get: (key) => memory.get(key),
    set: (key, entry) => memory.set(key, entry),
    tagsInvalidatedAt: (tags) => memory.tagsInvalidatedAt(tags),
    async invalidateTags(tags, at) {
      await memory.invalidateTags(tags, at);
      const origin = options.origin();
      if (!origin) return;
      const dataTag = tags.some((tag) => !tag.startsWith('path:') && !tag.startsWith('layout:'));
      const affected = pageTags.filter(({ tags: own }) => dataTag || tags.some((tag) => own.has(tag)));
      await Promise.all(affected.map(({ page }) => regenerate(page, origin)));
    },
  };
}
