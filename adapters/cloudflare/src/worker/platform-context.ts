/**
 * The Cloudflare request context (bindings, `ctx`, `request.cf`) as server code reads it. The
 * Worker's fetch handler runs each request inside `runWithPlatform`; server components and route
 * handlers read it back with `getPlatformEnv()` & co.
 *
 * The storage lives on `globalThis` under a registry symbol, not in a module variable: the app's
 * server bundle has its own copy of this module (it is bundled into the rsc build), and both
 * copies must see the same store.
 */

/** What `ctx` offers a Worker: keep work running after the response, or fall back to the origin. */
export interface PlatformExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
  passThroughOnException(): void;
}

export interface PlatformContext<Env = Record<string, unknown>> {
  /** Bindings declared in wrangler.jsonc: KV namespaces, R2 buckets, D1 databases, `vars`, secrets. */
  env: Env;
  ctx: PlatformExecutionContext;
  /** `request.cf`: the visitor's country, colo, TLS details… (absent under some local setups). */
  cf: Record<string, unknown> | undefined;
}

interface ContextStorage {
  getStore(): PlatformContext<unknown> | undefined;
  run<T>(store: PlatformContext<unknown>, callback: () => T): T;
}

const STORAGE_KEY = Symbol.for('nexxo.cloudflare.platform-context');

/** Installs the per-request storage; called once by the Worker entry (it owns `node:async_hooks`). */
export function installContextStorage(storage: ContextStorage): ContextStorage {
  const registry = globalThis as { [STORAGE_KEY]?: ContextStorage };
  return (registry[STORAGE_KEY] ??= storage);
}

/**
 * The Cloudflare context of the current request.
 *
 * @example
 * import { getCloudflareContext } from 'nexxo/cloudflare';
 * export async function GET() {
 *   const { env, cf } = getCloudflareContext<{ GREETINGS: KVNamespace }>();
 *   return Response.json({ hello: await env.GREETINGS.get('en'), country: cf?.country });
 * }
 */
export function getCloudflareContext<Env = Record<string, unknown>>(): PlatformContext<Env> {
  const storage = (globalThis as { [STORAGE_KEY]?: ContextStorage })[STORAGE_KEY];
  const context = storage?.getStore();
  if (!context) {
    throw new Error(
      storage
        ? 'getPlatformEnv() was called outside a request. Call it inside a server component, route handler or server action, not at the top level of a module.'
        : 'getPlatformEnv() only works when the app runs on Cloudflare Workers (`nexxo build --adapter cloudflare`, then `wrangler dev` or `wrangler deploy`). ' +
          'Under `nexxo dev`, `nexxo start` and during prerendering there are no Cloudflare bindings: read them in dynamic code only, or check `isCloudflare()` first.',
    );
  }
  return context as PlatformContext<Env>;
}

/**
 * The bindings of the current request: what wrangler.jsonc declares (`kv_namespaces`, `r2_buckets`,
 * `d1_databases`, `vars`…) plus secrets, by binding name.
 *
 * @example
 * import { getPlatformEnv } from 'nexxo/cloudflare';
 * export default async function Page() {
 *   const env = getPlatformEnv<{ DB: D1Database }>();
 *   const { results } = await env.DB.prepare('select title from posts').all();
 *   return <ul>{results.map((post) => <li key={String(post.title)}>{String(post.title)}</li>)}</ul>;
 * }
 */
export function getPlatformEnv<Env = Record<string, unknown>>(): Env {
  return getCloudflareContext<Env>().env;
}

/**
 * Keeps `promise` running after the response is sent (`ctx.waitUntil`), e.g. to write analytics.
 *
 * @example
 * import { waitUntil } from 'nexxo/cloudflare';
 * export async function POST(request: Request) {
 *   waitUntil(fetch('https://analytics.example.com', { method: 'POST', body: await request.text() }));
 *   return new Response('ok');
 * }
 */
export function waitUntil(promise: Promise<unknown>): void {
  getCloudflareContext().ctx.waitUntil(promise);
}

/** Whether this code runs inside a request on Cloudflare Workers (false under Node and at build time). */
export function isCloudflare(): boolean {
  return (globalThis as { [STORAGE_KEY]?: ContextStorage })[STORAGE_KEY]?.getStore() !== undefined;
}
