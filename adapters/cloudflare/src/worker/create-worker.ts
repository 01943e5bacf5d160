// Runs inside workerd: the Worker's fetch handler around the runtime's Hono app.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createApp, type ReadBuildFile, type ServerBuild } from '@nexxo/runtime';
import { CACHE_KV_BINDING, createCloudflareCacheHandler, type CacheApiLike, type KvNamespaceLike } from './cloudflare-cache-handler.js';
import { installContextStorage, type PlatformContext, type PlatformExecutionContext } from './platform-context.js';

/** The Workers Static Assets binding (`assets.binding` in wrangler.jsonc). */
interface AssetsBinding {
  fetch(request: Request): Promise<Response>;
}

export interface WorkerOptions {
  build: ServerBuild;
  /** Where the build's folders sit among the assets: `static/` at the base path, `prerendered/` apart. */
  assetPaths: { static: string; prerendered: string };
}

const storage = installContextStorage(new AsyncLocalStorage<PlatformContext<unknown>>());

/** The Worker's default export: each request runs with its bindings in the platform context. */
export function createWorker({ build, assetPaths }: WorkerOptions) {
  // Files are read through the ASSETS binding of the request being served.
  const readFile: ReadBuildFile = async (path) => {
    const env = storage.getStore()?.env as { ASSETS?: AssetsBinding } | undefined;
    if (!env?.ASSETS) throw new Error('The ASSETS binding is missing: keep `assets.binding: "ASSETS"` in wrangler.jsonc (nexxo build writes it).');
    const url = assetUrl(path, assetPaths);
    if (!url) return null;
    const response = await env.ASSETS.fetch(new Request(url));
    if (!response.ok) {
      await response.body?.cancel();
      return null;
    }
    return response.body ?? new Uint8Array();
  };
  const cache = createCloudflareCacheHandler({
    kv: () => (storage.getStore()?.env as Record<string, KvNamespaceLike | undefined> | undefined)?.[CACHE_KV_BINDING],
    cacheApi: () => (globalThis as { caches?: { default?: CacheApiLike } }).caches?.default,
  });
  const app = createApp({ build, readFile, cache });
  return {
    fetch(request: Request, env: Record<string, unknown>, ctx: PlatformExecutionContext): Promise<Response> {
      const cf = (request as Request & { cf?: Record<string, unknown> }).cf;
      return storage.run({ env, ctx, cf }, async () => app.fetch(request, env, ctx as never));
    },
  };
}

function assetUrl(path: string, assetPaths: WorkerOptions['assetPaths']): string | null {
  const slash = path.indexOf('/');
  const folder = path.slice(0, slash);
  const rest = path.slice(slash + 1);
  const prefix = folder === 'static' ? assetPaths.static : folder === 'prerendered' ? assetPaths.prerendered : null;
  if (prefix === null || rest.split('/').some((part) => part === '..' || part === '.')) return null;
  return 'https://assets.local' + prefix + '/' + rest.split('/').map(encodeURIComponent).join('/');
}
