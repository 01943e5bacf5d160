/**
 * Options a `next.config` may carry that Nexxo does not take, with what to tell someone moving
 * their config over. Each text follows "`key` in nexxo.config.ts ". Without this table they would
 * be reported as unknown options with a misleading "Did you mean" suggestion.
 */
const NOT_YET = 'is a Next.js option that Nexxo does not support yet; remove it';
const ROLLDOWN = 'Nexxo bundles with Rolldown';

export const NEXT_ONLY_OPTIONS: Readonly<Record<string, string>> = {
  webpack: `configures webpack, but ${ROLLDOWN}: use \`plugins\` (Rolldown plugins) for loaders and plugins, and \`alias\` for \`resolve.alias\``,
  turbopack: `configures Turbopack, but ${ROLLDOWN}: use \`alias\` for \`resolveAlias\`, and \`plugins\` (Rolldown plugins) for \`rules\``,
  serverRuntimeConfig: 'is a Next.js option that Next.js 16 removed and Nexxo does not support; read `process.env` at run time instead',
  publicRuntimeConfig: 'is a Next.js option that Next.js 16 removed and Nexxo does not support; use `NEXXO_PUBLIC_` (or `NEXT_PUBLIC_`) environment variables instead',
  ...Object.fromEntries(
    [
      'adapterPath', 'allowedDevOrigins', 'amp', 'assetPrefix', 'bundlePagesRouterDependencies', 'cacheComponents',
      'cacheHandler', 'cacheHandlers', 'cacheLife', 'cacheMaxMemorySize', 'cleanDistDir', 'compiler', 'compress',
      'crossOrigin', 'deploymentId', 'devIndicators', 'distDir', 'enablePrerenderSourceMaps', 'eslint',
      'excludeDefaultMomentLocales', 'experimental', 'expireTime', 'generateBuildId', 'generateEtags',
      'htmlLimitedBots', 'httpAgentOptions', 'i18n', 'logging', 'modularizeImports', 'onDemandEntries', 'output',
      'outputFileTracingExcludes', 'outputFileTracingIncludes', 'outputFileTracingRoot',
      'poweredByHeader', 'productionBrowserSourceMaps', 'reactCompiler', 'reactMaxHeadersLength',
      'reactProductionProfiling', 'reactStrictMode', 'sassOptions', 'skipMiddlewareUrlNormalize',
      'skipProxyUrlNormalize', 'skipTrailingSlashRedirect', 'staticPageGenerationTimeout', 'transpilePackages',
      'typedRoutes', 'typescript', 'useFileSystemPublicRoutes', 'watchOptions',
    ].map((key) => [key, NOT_YET]),
  ),
};

export const NEXT_ONLY_IMAGE_OPTIONS: Readonly<Record<string, string>> = {
  domains: 'is a deprecated Next.js option that Nexxo does not support; list the hosts in `images.remotePatterns` instead',
  disableStaticImages: NOT_YET,
  maximumDiskCacheSize: NOT_YET,
  customCacheHandler: NOT_YET,
};

/** `locale` in a redirect, rewrite or header rule belongs to Next.js's i18n routing. */
export const NEXT_ONLY_RULE_OPTIONS: Readonly<Record<string, string>> = {
  locale: 'belongs to Next.js i18n routing, which Nexxo does not support yet; remove it',
};
