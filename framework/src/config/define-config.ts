import type { NexxoConfig, NexxoConfigExport, NexxoConfigFunction } from './config-types.js';

/**
 * Types a `nexxo.config.*` default export; returns its argument unchanged. A function receives the
 * mode (`nexxo dev`: development, `nexxo build`: production) and may be async.
 *
 * @example
 * // nexxo.config.ts
 * import { defineConfig } from 'nexxo';
 *
 * export default defineConfig(({ mode }) => ({
 *   basePath: '/docs',
 *   images: { remotePatterns: [new URL('https://cdn.example.com/**')] },
 *   async redirects() {
 *     return [{ source: '/old', destination: '/new', permanent: true }];
 *   },
 *   env: { BUILD_MODE: mode },
 * }));
 */
export function defineConfig(config: NexxoConfig): NexxoConfig;
export function defineConfig(config: NexxoConfigFunction): NexxoConfigFunction;
export function defineConfig(config: NexxoConfigExport): NexxoConfigExport;
export function defineConfig(config: NexxoConfigExport): NexxoConfigExport {
  return config;
}
