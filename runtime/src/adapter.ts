import type { BuildManifest } from './manifest.js';

/**
 * A deploy adapter: turns a finished build (`.nexxo/`) into what a platform runs. Each adapter is
 * its own package exporting a function that returns one of these; `nexxo build --adapter <name>`
 * (or `adapter` in nexxo.config) calls `adapt` after the build. Adapters use only this API and the
 * build output, so anyone can write another one.
 *
 * @example
 * export default function adapter(options = {}): Adapter {
 *   return { name: 'my-platform', async adapt(builder) { builder.log(`${builder.manifest.routes.length} routes`); } };
 * }
 */
export interface Adapter {
  name: string;
  adapt(builder: AdapterBuilder): Promise<void>;
}

export interface AdapterBuilder {
  /** The app's folder, absolute. */
  root: string;
  /**
   * The build output, absolute: `manifest.json`, `server/rsc/index.js` and `server/ssr/index.js`
   * (ESM bundles for Node), `static/` (served at the base path; `_nexxo/` holds hashed files),
   * `prerendered/` (the files `manifest.prerendered` names).
   */
  outDir: string;
  manifest: BuildManifest;
  /**
   * Bundles a module and everything it imports into one ESM file (code splitting off), for a
   * platform other than Node: `conditions` pick package exports (`['workerd', 'worker', 'edge-light',
   * 'browser', 'import', 'default']`); `external` lists imports left as they are (`node:*` builtins
   * the platform provides); `alias` maps an import specifier to a file that replaces it (a
   * platform's build of a package). Returns the written file's path and size in bytes.
   */
  bundle(options: { input: string; outFile: string; conditions: string[]; external?: Array<string | RegExp>; define?: Record<string, string>; alias?: Record<string, string> }): Promise<{ file: string; bytes: number }>;
  /** Prints a line of the build's output. */
  log(message: string): void;
}

/** What `adapter` in nexxo.config or `--adapter` names: a built-in name, or an adapter object. */
export type AdapterOption = 'node' | 'vercel' | 'cloudflare' | Adapter;
