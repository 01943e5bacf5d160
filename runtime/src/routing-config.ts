/**
 * The routing part of `nexxo.config`: base path, trailing slashes, redirects, rewrites and headers.
 * Written into the manifest at build time (functions in the config are already awaited), so every
 * adapter applies the same rules. Sources use Next.js's path syntax (`/blog/:slug`, `/docs/:path*`).
 */
export interface RoutingConfig {
  /** `''` or a path such as `/docs`: the app lives under it. */
  basePath: string;
  /** true: canonical URLs end in `/` (`/about/`); false: they do not. */
  trailingSlash: boolean;
  redirects: RedirectRule[];
  rewrites: RewriteRules;
  headers: HeaderRule[];
}

/** A condition on the request: `has` requires it, `missing` forbids it. */
export type RouteCondition =
  | { type: 'header' | 'cookie' | 'query'; key: string; value?: string }
  | { type: 'host'; key?: undefined; value: string };

interface RuleBase {
  source: string;
  /** `false`: `source` is matched against the full path, without the base path. */
  basePath?: false;
  has?: RouteCondition[];
  missing?: RouteCondition[];
}

export interface RedirectRule extends RuleBase {
  destination: string;
  /** true → 308, false → 307 (exclusive with statusCode). */
  permanent?: boolean;
  /** 301, 302, 303, 307 or 308. */
  statusCode?: number;
}

export interface RewriteRule extends RuleBase {
  destination: string;
}

export interface RewriteRules {
  /** Checked before static files and routes. */
  beforeFiles: RewriteRule[];
  /** Checked after static files and pages, before dynamic routes. */
  afterFiles: RewriteRule[];
  /** Checked when nothing else matched. */
  fallback: RewriteRule[];
}

export interface HeaderRule extends RuleBase {
  headers: { key: string; value: string }[];
}

export const DEFAULT_ROUTING_CONFIG: RoutingConfig = {
  basePath: '',
  trailingSlash: false,
  redirects: [],
  rewrites: { beforeFiles: [], afterFiles: [], fallback: [] },
  headers: [],
};
