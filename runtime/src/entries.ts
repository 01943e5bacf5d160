import type { Params } from './manifest.js';
import type { CacheHandler } from './cache/cache-handler.js';
import type { MiddlewareEntry } from './middleware/apply-middleware.js';

/** What the rsc bundle of a build exports (see framework/src/rsc/entry.ts). */
export interface RscEntry {
  renderPage(input: {
    request: Request;
    routeId: string | null;
    params: Params;
    clientKeys: string[] | null;
    phase: 'request' | 'prerender';
    notFound?: boolean;
    /** Stylesheet URLs per route file (see BuildManifest.styles). */
    styles?: Record<string, string[]>;
    /** useActionState's state after a form action posted without JavaScript. */
    formState?: unknown;
  }): Promise<{ stream: ReadableStream<Uint8Array>; signals: { notFound: boolean; redirect: { url: string; status: number } | null; error: { digest: string } | null; dynamicUsage: string | null; revalidate?: number | false } }>;
  handleRoute(request: Request, routeId: string, params: Params): Promise<Response>;
  /** Runs a server action posted to a page (see framework/src/rsc/server-actions/handle-action.ts). */
  handleAction(input: {
    request: Request;
    routeId: string | null;
    params: Params;
    clientKeys: string[] | null;
    styles?: Record<string, string[]>;
  }): Promise<ActionResult>;
  /** Gives the app's data cache (fetch caching, unstable_cache, revalidatePath) the platform's handler. */
  configureCache?(handler: CacheHandler): void;
  /**
   * The app's middleware.ts (or proxy.ts), or null without one. A function, called once per app:
   * `nexxo dev` keeps the rsc runtime across rebuilds, and each build brings its own middleware.
   */
  middleware?(): MiddlewareEntry | null;
}

export type ActionResult =
  | { kind: 'rsc'; stream: ReadableStream<Uint8Array>; cookies: string[] }
  | { kind: 'redirect'; target: { url: string; status: number }; cookies: string[] }
  | { kind: 'render'; formState: unknown; notFound: boolean; cookies: string[]; failed: boolean }
  | { kind: 'unknown' };

export type RenderHtmlResult =
  | { kind: 'html'; stream: ReadableStream<Uint8Array> }
  | { kind: 'error'; stream: ReadableStream<Uint8Array> }
  | { kind: 'redirect'; target: { url: string; status: number } }
  | { kind: 'not-found' };

/** What the ssr bundle of a build exports (see framework/src/ssr/entry.tsx). */
export interface SsrEntry {
  renderHtml(rscStream: ReadableStream<Uint8Array>, options: { bootstrapModule: string; preloadModules: string[]; signal?: AbortSignal; formState?: unknown }): Promise<RenderHtmlResult>;
}
