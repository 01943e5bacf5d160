import type { Adapter } from '@nexxo/runtime';
import { adaptForCloudflare, type CloudflareAdapterOptions } from './build/adapt.js';

export type { CloudflareAdapterOptions } from './build/adapt.js';

/**
 * The Cloudflare Workers adapter: `nexxo build --adapter cloudflare`, or in nexxo.config:
 *
 * @example
 * import cloudflare from '@nexxo/adapter-cloudflare';
 * export default defineConfig({ adapter: cloudflare({ allowNodeModules: ['fs'] }) });
 *
 * Writes `.nexxo/cloudflare/` (`worker.js`, `assets/`, `wrangler.jsonc`); see docs/deploy/cloudflare.md.
 */
export default function cloudflare(options: CloudflareAdapterOptions = {}): Adapter {
  return { name: 'cloudflare', adapt: (builder) => adaptForCloudflare(builder, options) };
}
