import { isAbsolute, resolve } from 'node:path';
import { tsconfigPathAliases } from './tsconfig-paths.js';
import type { ConfigSource } from './config-error.js';
import type { ConfigMode, NexxoConfig, Plugin, PluginOption, ResolvedConfig } from './config-types.js';
import { DEFAULT_PAGE_EXTENSIONS } from './page-extensions.js';
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
    // tsconfig/jsconfig `paths` first: the config's own aliases win over them.
    alias: { ...tsconfigPathAliases(root), ...resolveAlias(config.alias ?? {}, root) },
    plugins: resolvePlugins(config.plugins),
    adapter: config.adapter ?? null,
    serverActions: {
      bodySizeLimit: parseByteSize(config.serverActions?.bodySizeLimit ?? '1mb')!,
      allowedOrigins: [...(config.serverActions?.allowedOrigins ?? [])],
    },
    pageExtensions: [...(config.pageExtensions ?? DEFAULT_PAGE_EXTENSIONS)],
    mdx: {
      remarkPlugins: [...(config.mdx?.remarkPlugins ?? [])],
      rehypePlugins: [...(config.mdx?.rehypePlugins ?? [])],
      recmaPlugins: [...(config.mdx?.recmaPlugins ?? [])],
    },
  };
}

const BYTE_UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** `1048576`, `'500kb'`, `'1mb'`, `'1.5mb'` → bytes; null when the text is not a size. */
export function parseByteSize(value: number | string): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? value : null;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(value);
  if (!match) return null;
  const bytes = Math.floor(Number(match[1]) * BYTE_UNITS[(match[2] ?? 'b').toLowerCase()]!);
  return bytes > 0 ? bytes : null;
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
