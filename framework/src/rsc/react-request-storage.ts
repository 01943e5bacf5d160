import { AsyncLocalStorage } from 'node:async_hooks';

// React's server renderers (the edge builds of react-server-dom-webpack and react-dom/server) keep
// the request they render in an AsyncLocalStorage when the global exists, and otherwise know it
// only during synchronous work. With it, `preload()` and `cache()` work after an `await`, and
// resource hints that arrive in the RSC stream (a font's `preload()`) reach the HTML's <head>.
// Imported first by both server entries: the renderers look for the global when they load.
(globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;
