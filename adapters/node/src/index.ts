export { startServer, type StartServerOptions } from './start-server.js';
export { serveFetch, type ServeFetchOptions, type RunningServer } from './serve-fetch.js';
export { loadBuild, fileReader } from './load-build.js';
export { compressResponse, chooseEncoding } from './compress.js';
export { createImageOptimizer, type ImageOptimizerOptions } from './image-optimizer.js';
export { sharpEncoder, type ImageEncoder } from './sharp-encoder.js';
export { fetchWithAddressCheck } from './image-fetch.js';
export { runStandaloneServer } from './standalone-server.js';
export { default } from './adapter.js';
