import type { Params } from './manifest.js';
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
  }): Promise<{ stream: ReadableStream<Uint8Array>; signals: { notFound: boolean; redirect: { url: string; status: number } | null; error: { digest: string } | null; dynamicUsage: string | null } }>;
  handleRoute(request: Request, routeId: string, params: Params): Promise<Response>;
  /** The app's middleware.ts (or proxy.ts), when it has one. */
  middleware?: MiddlewareEntry | null;
}

export type RenderHtmlResult =
  | { kind: 'html'; stream: ReadableStream<Uint8Array> }
  | { kind: 'error'; stream: ReadableStream<Uint8Array> }
  | { kind: 'redirect'; target: { url: string; status: number } }
  | { kind: 'not-found' };

/** What the ssr bundle of a build exports (see framework/src/ssr/entry.tsx). */
export interface SsrEntry {
  renderHtml(rscStream: ReadableStream<Uint8Array>, options: { bootstrapModule: string; preloadModules: string[]; signal?: AbortSignal }): Promise<RenderHtmlResult>;
}
