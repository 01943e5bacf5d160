import { isAbsolute, resolve } from 'node:path';
import type { ConfigSource } from './config-error.js';
import type { ConfigMode, NexxoConfig, Plugin, PluginOption, ResolvedConfig } from './config-types.js';
import { resolveImages } from './resolve-images.js';
import { resolveRouting } from './resolve-routing.js';

export interface ResolveContext extends ConfigSource {
  mode: ConfigMode;
  configFile: string | null;
}

/** A validated config with every default filled in and every function awaited. */
export async function resolveConfig(config: NexxoConfig, context: ResolveContext): Promise<ResolvedConfig> {
  const { root, mode, configFile, label } = context;
  return {
    root,
    mode,
    configFile,
    routing: await resolveRouting(config, context),
    env: { ...config.env },
    images: resolveImages(config.images, root, label),
    serverExternalPackages: [...(config.serverExternalPackages ?? [])],
    alias: resolveAlias(config.alias ?? {}, root),
    plugins: resolvePlugins(config.plugins),
    adapter: config.adapter ?? null,
  };
}

/** Relative targets (`./src`) become absolute, so the alias means the same from every importer. */
function resolveAlias(alias: Record<string, string>, root: string): Record<string, string> {
  return Object.fromEntries(Object.entries(alias).map(([from, to]) => [from, to.startsWith('.') && !isAbsolute(to) ? resolve(root, to) : to]));
}

/**
 * One list per environment: an array runs everywhere; `all` runs before an environment's own.
 * The same plugin object serves every environment, as in Vite, so a plugin keeping state per
 * build must key it by environment.
 */
function resolvePlugins(plugins: NexxoConfig['plugins']): ResolvedConfig['plugins'] {
  const present = (list: PluginOption[] = []) => list.filter((plugin): plugin is Plugin => Boolean(plugin));
  if (plugins === undefined || Array.isArray(plugins)) {
    const everywhere = present(plugins);
    return { rsc: [...everywhere], ssr: [...everywhere], client: [...everywhere] };
  }
  const all = present(plugins.all);
  return { rsc: [...all, ...present(plugins.rsc)], ssr: [...all, ...present(plugins.ssr)], client: [...all, ...present(plugins.client)] };
}
