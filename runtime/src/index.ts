export { createApp, type CreateAppOptions, type ReadBuildFile, type ServerBuild } from './create-app.js';
export { canonicalPathname, createRouteMatcher, pathnameFor, type RouteMatch } from './route-matcher.js';
export { decodePathParts } from './url-path.js';
export type { BuildManifest, ManifestRoute, PatternPart, PrerenderedPage, Params } from './manifest.js';
export type { RscEntry, SsrEntry, RenderHtmlResult } from './entries.js';
export { DEFAULT_ROUTING_CONFIG, type RoutingConfig, type RouteCondition, type RedirectRule, type RewriteRule, type RewriteRules, type HeaderRule } from './routing-config.js';
export { compileRoutingRules, matchHeaders, matchRedirect, matchRewrite, stripBasePath, withTrailingSlash, type CompiledRoutingRules, type RedirectMatch, type RewriteMatch, type RewritePhase, type RoutingRequest } from './routing-rules.js';
export { contentTypeFor } from './content-type.js';
