export type { CodemodChange, CodemodResult } from './types.js';
export { rewriteAsyncRequestApis } from './async-request-apis.js';
export { rewriteNextImports } from './next-imports.js';
export { SUPPORTED_NEXT_MODULES, UNSUPPORTED_NEXT_MODULES } from './next-modules.js';
