import type { ImageEndpointConfig } from './image/image-config.js';
import type { RoutingConfig } from './routing-config.js';
import type { ServerActionsConfig } from './server-actions/action-guards.js';

/**
 * `manifest.json`: everything the runtime and the adapters need to know about a build. Written by
 * `nexxo build`, read once when a server starts.
 */
export interface BuildManifest {
  version: 1;
  buildId: string;
  /** When the build ran (ms since epoch): the age of its prerendered pages. */
  builtAt?: number;
  client: {
    /** URL of the browser entry module. */
    entry: string;
    /** URLs the entry imports statically. */
    entryImports: string[];
  };
  routes: ManifestRoute[];
  /** URL paths of the files in `static/` (client chunks, `public/`). Only these are ever served. */
  staticFiles: string[];
  /** Stylesheet URLs per route file (its path relative to the app root), in the order they apply. */
  styles: Record<string, string[]>;
  /** basePath, trailingSlash, redirects, rewrites and headers from nexxo.config (defaults without one). */
  routing?: RoutingConfig;
  /** nexxo.config `images`, as the image endpoint applies it; without it, `/_nexxo/image` is not served. */
  images?: ImageEndpointConfig;
  /** nexxo.config `serverActions` (defaults without it). */
  serverActions?: ServerActionsConfig;
  /** Prerendered pages by pathname: files under `prerendered/`. */
  prerendered: Record<string, PrerenderedPage>;
  /** The app's middleware (its `config.matcher`, absent when it exports none), or null without one: adapters keep matched paths off the CDN. */
  middleware?: { matcher?: unknown } | null;
}

export type PatternPart =
  | { kind: 'static'; value: string }
  | { kind: 'dynamic'; name: string }
  | { kind: 'catch-all'; name: string }
  | { kind: 'optional-catch-all'; name: string };

export interface ManifestRoute {
  /** `/blog/[slug]` style id, without route groups. */
  id: string;
  type: 'page' | 'route';
  pattern: PatternPart[];
  /** static: prerendered; ssg: prerendered per generateStaticParams entry; dynamic: rendered per request. */
  rendering: 'static' | 'ssg' | 'dynamic';
  /** `export const dynamicParams` (default true). */
  dynamicParams: boolean;
  /** With `dynamicParams = false`: the only pathnames (canonical) that exist; others are 404. */
  staticPaths?: string[];
  /** Client chunk URLs the route needs besides the entry (modulepreload). */
  preload: string[];
  /** `export const runtime` of the route (page, its layouts, or route handler), when set: where an adapter may run it. */
  runtime?: 'edge' | 'nodejs';
}

export interface PrerenderedPage {
  html: string;
  rsc: string;
  status: number;
  /** Seconds after which the page is regenerated in the background (incremental static regeneration). */
  revalidate?: number;
}

export type Params = Record<string, string | string[]>;
