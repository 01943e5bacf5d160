// `nexxo`: what nexxo.config.ts imports. Kept to the config helper and types, so loading a config
// loads nothing else.
export { defineConfig } from '../config/define-config.js';
export type { NexxoConfig, ConfigContext, ImagesConfig, RemotePattern, LocalPattern, PluginOption, EnvironmentPlugins, RewritesByPhase } from '../config/config-types.js';
export type { RedirectRule, RewriteRule, HeaderRule, RouteCondition } from '@nexxo/runtime';
export type { Metadata, Viewport, MetadataRoute, ResolvingMetadata, ResolvingViewport } from '../shared/metadata-types.js';
