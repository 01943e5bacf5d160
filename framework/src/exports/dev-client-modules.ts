// Development: Nexxo's modules that app client code imports, built as a client entry of their own
// (see clientSharedEntry in app-environments.ts). An entry keeps its exports whatever imports it,
// so its chunk stays the same file as routes are compiled one by one. Were these modules in the
// main chunk, a route compiled later that imports one of them would add an export there, giving
// main a new URL that the open page would load and run a second time (a second router).
export * from './link.js';
export * from './form.js';
export * from './navigation.js';
export * from './image.js';
export * from './script.js';
export { default as dynamic } from './dynamic.js';
export * from './cache.client.js';
export * from './headers.client.js';
export { createServerReference } from '../client/call-server.js';
