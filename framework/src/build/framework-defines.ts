import type { ResolvedConfig } from '../config/index.js';
import { imageDefines } from './image-settings.js';

/** Settings Nexxo's own code reads as constants: the base path, trailing slashes, image settings. */
export function frameworkDefines(config: ResolvedConfig): Record<string, string> {
  return {
    'process.env.__NEXXO_BASE_PATH': JSON.stringify(config.routing.basePath),
    'process.env.__NEXXO_TRAILING_SLASH': JSON.stringify(String(config.routing.trailingSlash)),
    ...imageDefines(config),
  };
}

/** In the browser, any other variable reads as undefined. */
export const BROWSER_ENV = { 'process.env': '{}', 'import.meta.env': '{}' };

/** What Nexxo's browser runtime is compiled with, also when `nexxo dev` pre-bundles it. */
export function frameworkClientDefines(config: ResolvedConfig): Record<string, string> {
  return { ...frameworkDefines(config), ...BROWSER_ENV };
}
