/**
 * fetch's parameter types, spelled from `typeof fetch` so they resolve both with the DOM lib and
 * with @types/node (the framework's tsconfig), whose RequestInit lacks `cache`.
 */
export type FetchInput = Parameters<typeof fetch>[0];
export type FetchBody = NonNullable<NonNullable<Parameters<typeof fetch>[1]>['body']>;
export type FetchCacheMode = 'default' | 'force-cache' | 'no-cache' | 'no-store' | 'only-if-cached' | 'reload';

/** The Next.js-specific fetch options. */
export interface NextFetchOptions {
  /** Seconds until the cached response is stale; false: until a tag is invalidated; 0: never cache. */
  revalidate?: number | false;
  tags?: string[];
}

export type NextFetchInit = NonNullable<Parameters<typeof fetch>[1]> & { cache?: FetchCacheMode; next?: NextFetchOptions };

/** `export const fetchCache` of a layout or page: how its fetches cache when they do not say, or always. */
export type FetchCacheSetting = 'auto' | 'default-cache' | 'only-cache' | 'force-cache' | 'default-no-store' | 'only-no-store' | 'force-no-store';

export const FETCH_CACHE_SETTINGS: readonly FetchCacheSetting[] = ['auto', 'default-cache', 'only-cache', 'force-cache', 'default-no-store', 'only-no-store', 'force-no-store'];
