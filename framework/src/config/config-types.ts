// Rolldown's Plugin type comes through @nexxo/compiler so that config plugins are typed against the
// same Rolldown version that runs them (the root node_modules may hold another one).
import type { Plugin } from '@nexxo/compiler';
import type { HeaderRule, RedirectRule, RewriteRule, RoutingConfig, AdapterOption } from '@nexxo/runtime';
import type { ImagesConfig, ResolvedImagesConfig } from './image-config-types.js';

export type { Plugin } from '@nexxo/compiler';
export type { HeaderRule, RedirectRule, RewriteRule, RouteCondition, RoutingConfig } from '@nexxo/runtime';
export type { ImageFormat, ImageLoader, ImagesConfig, LocalPattern, RemotePattern, ResolvedImagesConfig } from './image-config-types.js';

export type ConfigMode = 'development' | 'production';

/** What a config function receives: `nexxo dev` runs in development, `nexxo build` in production. */
export interface ConfigContext {
  mode: ConfigMode;
}

type MaybePromise<T> = T | Promise<T>;

/** Rewrites by when they are checked; an array returned from `rewrites()` means `afterFiles`. */
export interface RewritesByPhase {
  beforeFiles?: RewriteRule[];
  afterFiles?: RewriteRule[];
  fallback?: RewriteRule[];
}

/** `false`, `null` and `undefined` are skipped, so `dev && inspect()` can sit in the list. */
export type PluginOption = Plugin | false | null | undefined;

/** Plugins per environment; `all` runs in every one, before the environment's own. */
export interface EnvironmentPlugins {
  all?: PluginOption[];
  rsc?: PluginOption[];
  ssr?: PluginOption[];
  client?: PluginOption[];
}

/** The options in `nexxo.config.{ts,mts,js,mjs}`. Every key is optional. */
export interface NexxoConfig {
  /** Serve the app under a path such as `/docs`. Starts with `/`, does not end with `/`. Default `''`. */
  basePath?: string;
  /** true: canonical URLs end in `/`. Default false. */
  trailingSlash?: boolean;
  /** Redirect rules, as in Next.js: `async redirects() { return [{ source, destination, permanent }] }`. */
  redirects?: () => MaybePromise<RedirectRule[]>;
  /** Rewrite rules; an array is `afterFiles`. */
  rewrites?: () => MaybePromise<RewriteRule[] | RewritesByPhase>;
  /** Response headers per path. */
  headers?: () => MaybePromise<HeaderRule[]>;
  /** Values inlined as `process.env.KEY` into every bundle, server and client. Do not put secrets here. */
  env?: Record<string, string>;
  /** Image optimisation, in Next.js's shape. */
  images?: ImagesConfig;
  /** Packages the server bundles import from node_modules at run time instead of bundling. */
  serverExternalPackages?: string[];
  /** Import aliases: `{ '@': './src' }`. Paths starting with `./` or `../` are relative to the app. */
  alias?: Record<string, string>;
  /** Rolldown plugins: an array runs in every environment. */
  plugins?: PluginOption[] | EnvironmentPlugins;
  /** Where the build deploys: 'node' (default), 'vercel', 'cloudflare', or an adapter object. `--adapter` overrides it. */
  adapter?: AdapterOption;
  /** Server actions: the largest body one accepts (`'1mb'` default; bytes or `'500kb'`, `'2mb'`), and other hosts allowed to post them. */
  serverActions?: { bodySizeLimit?: number | string; allowedOrigins?: string[] };
  /**
   * File extensions of special files in `app/` (without the dot). Default `['tsx', 'ts', 'jsx', 'js']`.
   * Add `'mdx'` (or `'md'`) to make `page.mdx` a page; other special files stay scripts.
   *
   * @example
   * pageExtensions: ['tsx', 'ts', 'jsx', 'js', 'mdx'],
   */
  pageExtensions?: string[];
  /**
   * Plugins for the MDX compiler (@mdx-js/mdx), each a plugin or `[plugin, options]`. Apply to
   * every `.mdx` file, routed or imported.
   *
   * @example
   * import remarkGfm from 'remark-gfm';
   * export default defineConfig({ pageExtensions: ['tsx', 'mdx'], mdx: { remarkPlugins: [remarkGfm] } });
   */
  mdx?: MdxConfig;
}

/** `mdx` in nexxo.config: what `@next/mdx`'s `options` carry. */
export interface MdxConfig {
  remarkPlugins?: unknown[];
  rehypePlugins?: unknown[];
  recmaPlugins?: unknown[];
}

/** What `nexxo.config.*` may export as default: the options, or a function that returns them. */
export type NexxoConfigFunction = (context: ConfigContext) => MaybePromise<NexxoConfig>;
export type NexxoConfigExport = NexxoConfig | NexxoConfigFunction;

/** The config with every default filled in and every function awaited; what the build reads. */
export interface ResolvedConfig {
  /** The app's folder, absolute. */
  root: string;
  mode: ConfigMode;
  /** The config file that was loaded, absolute, or null when the app has none. */
  configFile: string | null;
  /** basePath, trailingSlash, and the awaited redirects, rewrites (all three phases) and headers. */
  routing: RoutingConfig;
  env: Record<string, string>;
  images: ResolvedImagesConfig;
  serverExternalPackages: string[];
  /** Relative targets resolved against `root`; package names kept as written. */
  alias: Record<string, string>;
  /** Per environment, with `all` and array plugins already merged in; falsy entries removed. */
  plugins: { rsc: Plugin[]; ssr: Plugin[]; client: Plugin[] };
  /** The config's adapter, or null (then `nexxo build` writes only `.nexxo/` for `nexxo start`). */
  adapter: AdapterOption | null;
  /** Body size limit in bytes and allowed origins for server actions. */
  serverActions: { bodySizeLimit: number; allowedOrigins: string[] };
  /** Extensions of special files in `app/`, without the dot (default `['tsx', 'ts', 'jsx', 'js']`). */
  pageExtensions: string[];
  mdx: Required<MdxConfig>;
}
