export { startServer, type StartServerOptions, type RunningServer } from './start-server.js';
export { loadBuild, fileReader } from './load-build.js';
export { compressResponse, chooseEncoding } from './compress.js';
