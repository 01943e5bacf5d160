// What the CLI commands use from this folder; the rest is internal to it.
export { loadConfig } from './load-config.js';
export { defineConfig } from './define-config.js';
export { loadEnv, envFileNames, clientEnvDefines, type EnvMode } from './load-env.js';
export { NexxoConfigError } from './config-error.js';
export { IMAGE_DEFAULTS } from './resolve-images.js';
export { CONFIG_FILE_NAMES } from './find-config-file.js';
export { DEFAULT_PAGE_EXTENSIONS, isMarkdownExtension } from './page-extensions.js';
export type * from './config-types.js';
