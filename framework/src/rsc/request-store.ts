import { AsyncLocalStorage } from 'node:async_hooks';
import { DynamicUsageError } from '../shared/navigation-errors.js';
import { RequestCookies } from './request-cookies.js';
import type { CacheScope } from '../cache/index.js';

/** What the server knows about the request being rendered, for `cookies()`, `headers()` and friends. */
export interface RequestStore {
  request: Request;
  url: URL;
  /** `prerender`: rendering at build time, where reading request data makes the route dynamic. */
  phase: 'request' | 'prerender';
  /** `export const dynamic = 'force-static'`: request data reads as empty instead of bailing out. */
  forceStatic: boolean;
  /** Set when a prerender read request data. */
  dynamicUsage?: string;
  /** Route handlers may set cookies; the response carries them. */
  mutableCookies: boolean;
  cookies?: RequestCookies;
  /**
   * Set while a server action runs, when it changed what the page shows (revalidatePath,
   * revalidateTag, refresh): the response then carries the re-rendered page.
   */
  action?: { refresh: boolean };
  /** The data cache for this request (see request-cache.ts); absent when the server has no handler. */
  cacheScope?: CacheScope;
  /** revalidatePath/revalidateTag writes the response must wait for. */
  pendingInvalidations?: Promise<unknown>[];
}

export const requestStorage = new AsyncLocalStorage<RequestStore>();

export function getRequestStore(api: string): RequestStore {
  const store = requestStorage.getStore();
  if (!store)
    throw new Error(
      `${api} was called outside a request. It works in server components, route handlers and server actions while they handle a request; call it inside one of those, not at module level.`,
    );
  return store;
}

/**
 * Records that rendering read request data. While prerendering this stops the render (the route is
 * then rendered per request), unless the route forces static rendering.
 */
export function useDynamic(store: RequestStore, expression: string): void {
  if (store.phase !== 'prerender' || store.forceStatic) return;
  store.dynamicUsage ??= expression;
  throw new DynamicUsageError(expression);
}

export function createRequestStore(request: Request, phase: RequestStore['phase'], options: { forceStatic?: boolean; mutableCookies?: boolean } = {}): RequestStore {
  return { request, url: new URL(request.url), phase, forceStatic: options.forceStatic ?? false, mutableCookies: options.mutableCookies ?? false };
}
