export { entryState, isCacheEntry, type CacheEntry, type CacheHandler, type EntryState } from './cache-handler.js';
export { createMemoryCacheHandler, type MemoryCacheHandlerOptions } from './memory-cache-handler.js';
export { pathTags, revalidatePathTags } from './path-tags.js';
export { renderStaticPage, type StaticPage, type StaticPageInput } from './render-static-page.js';
export { base64ToBytes, bytesToBase64 } from './base64.js';
export { createIncrementalPages, type CachedPage, type IncrementalPagesOptions, type PageLookup } from './incremental-pages.js';
