import type { CacheHandler } from '@nexxo/runtime/cache';
import type { FetchCacheSetting } from './fetch-types.js';

/** What the framework knows about the render or action that is running; the request store carries it. */
export interface CacheScope {
  handler: CacheHandler;
  /** Tags every entry stored during this render also gets (its path), so revalidatePath reaches the data too. */
  implicitTags: string[];
  /** Prerendering at build time or regenerating in the background: no-store reads make the page dynamic. */
  phase: 'request' | 'prerender';
  /** A fetch with cache: 'no-store' / revalidate: 0 ran: while prerendering this throws DynamicUsageError; at request time a no-op. */
  onDynamic(reason: string): void;
  /** A cached read with `revalidate` seconds ran: the page's own revalidate becomes the minimum. */
  onRevalidate(seconds: number): void;
  /** The route's `export const fetchCache` (default 'auto'). */
  fetchCache?: FetchCacheSetting;
  /** Keeps background refreshes alive on platforms that end work when the response ends (Cloudflare's ctx.waitUntil); default: let the promise run. */
  waitUntil?(promise: Promise<unknown>): void;
}
