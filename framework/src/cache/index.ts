export type { CacheScope } from './cache-scope.js';
export { cacheNow, getDefaultCacheHandler, setCacheClock, setDefaultCacheHandler } from './cache-defaults.js';
export { callCacheKey, fetchCacheKey } from './cache-key.js';
export { INVALID_CACHE_OPTION } from './cache-option-error.js';
export { cachedFetch, unstableCache, type UnstableCacheOptions } from './data-cache.js';
export type { FetchInput, NextFetchInit, NextFetchOptions } from './fetch-types.js';
export { invalidate } from './invalidate.js';
