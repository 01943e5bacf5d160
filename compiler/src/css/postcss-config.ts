import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AcceptedPlugin } from 'postcss';
import { NexxoBuildError } from '../errors.js';

export const POSTCSS_CONFIG_FILES = ['postcss.config.js', 'postcss.config.mjs', 'postcss.config.cjs'];

/**
 * The project's PostCSS plugins, from `postcss.config.{js,mjs,cjs}` (null without one). Plugins
 * given by name (`{ '@tailwindcss/postcss': {} }`) resolve from the project, as PostCSS does.
 */
export async function loadPostcssPlugins(root: string): Promise<AcceptedPlugin[] | null> {
  const name = POSTCSS_CONFIG_FILES.find((candidate) => existsSync(join(root, candidate)));
  if (!name) return null;
  const file = join(root, name);
  let config: unknown;
  try {
    const module = (await import(`${pathToFileURL(file).href}?t=${Date.now()}`)) as { default?: unknown };
    config = module.default ?? module;
    if (typeof config === 'function') config = await (config as (context: unknown) => unknown)({ env: process.env.NODE_ENV, cwd: root });
  } catch (error) {
    throw new NexxoBuildError('NEXXO_POSTCSS_CONFIG', `${name}: the PostCSS config threw: ${(error as Error).message}\n  Fix: correct the config file.`, { file, cause: error });
  }
  const plugins = (config as { plugins?: unknown } | null)?.plugins;
  if (plugins === undefined) return [];
  const require = createRequire(join(root, 'package.json'));
  const load = async (pluginName: string, options: unknown): Promise<AcceptedPlugin> => {
    let resolved: string;
    try {
      resolved = require.resolve(pluginName);
    } catch {
      throw new NexxoBuildError('NEXXO_POSTCSS_PLUGIN', `${name}: the PostCSS plugin "${pluginName}" is not installed.\n  Fix: npm install --save-dev ${pluginName}`, { file });
    }
    const module = (await import(pathToFileURL(resolved).href)) as { default?: unknown };
    const factory = (module.default ?? module) as ((options?: unknown) => AcceptedPlugin) | AcceptedPlugin;
    return typeof factory === 'function' ? (factory as (options?: unknown) => AcceptedPlugin)(options === true ? undefined : options) : factory;
  };
  if (Array.isArray(plugins)) {
    return Promise.all(
      plugins.filter(Boolean).map((plugin) => {
        if (typeof plugin === 'string') return load(plugin, undefined);
        if (Array.isArray(plugin)) return load(plugin[0] as string, plugin[1]);
        return plugin as AcceptedPlugin;
      }),
    );
  }
  if (typeof plugins === 'object' && plugins !== null)
    return Promise.all(Object.entries(plugins).filter(([, options]) => options !== false).map(([pluginName, options]) => load(pluginName, options)));
  throw new NexxoBuildError('NEXXO_POSTCSS_CONFIG', `${name}: \`plugins\` must be an object ({ 'name': options }) or an array.\n  Fix: export { plugins: { '@tailwindcss/postcss': {} } }.`, { file });
}
