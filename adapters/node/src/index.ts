export { startServer, type StartServerOptions } from './start-server.js';
export { serveFetch, type ServeFetchOptions, type RunningServer } from './serve-fetch.js';
export { loadBuild, fileReader } from './load-build.js';
export { compressResponse, chooseEncoding } from './compress.js';
