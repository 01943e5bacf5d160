import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { NexxoConfigError, runConfigCode, type ConfigSource } from './config-error.js';
import type { ConfigMode, ResolvedConfig } from './config-types.js';
import { findConfigFile } from './find-config-file.js';
import { importConfigModule } from './import-config-module.js';
import { resolveConfig } from './resolve-config.js';
import { describeValue } from './schema-checks.js';
import { validateConfig } from './validate-config.js';

/**
 * Loads `nexxo.config.{ts,mts,js,mjs}` from `root` (none: all defaults), runs it, checks it and
 * fills in the defaults. Every mistake in the config becomes a NexxoConfigError (`code:
 * 'NEXXO_CONFIG'`) naming the file and, when code threw, the line and column in the original source.
 *
 * @example
 * const config = await loadConfig(process.cwd(), 'production');
 * config.routing.redirects; // awaited, checked
 * config.plugins.client; // Rolldown plugins for the browser build
 */
const NEXT_CONFIG_FILES = ['next.config.ts', 'next.config.mjs', 'next.config.js', 'next.config.cjs'];
const warnedAboutNextConfig = new Set<string>();

export async function loadConfig(root: string, mode: ConfigMode): Promise<ResolvedConfig> {
  const appRoot = resolve(root);
  const configFile = findConfigFile(appRoot);
  if (!configFile) {
    const nextConfig = NEXT_CONFIG_FILES.find((name) => existsSync(join(appRoot, name)));
    // Once per process: dev reloads settings on every config edit.
    if (nextConfig && !warnedAboutNextConfig.has(appRoot)) {
      warnedAboutNextConfig.add(appRoot);
      console.warn(`[nexxo] ${nextConfig} is not read: Nexxo's config is nexxo.config.ts (same options for basePath, redirects, rewrites, headers, env, images…). Move the options you use into it.`);
    }
    return resolveConfig({}, { root: appRoot, label: 'nexxo.config', compiled: null, mode, configFile });
  }
  const label = relative(appRoot, configFile);
  const { exports, compiled } = await importConfigModule(configFile, appRoot);
  const source: ConfigSource = { root: appRoot, label, compiled };
  const config = await configFromExports(exports, source, mode);
  validateConfig(config, label);
  return resolveConfig(config, { ...source, mode, configFile });
}

/** The config object the file exports, after calling it when it exports a function. */
async function configFromExports(namespace: Record<string, unknown>, source: ConfigSource, mode: ConfigMode): Promise<unknown> {
  const { label } = source;
  if (!('default' in namespace)) {
    const named = Object.keys(namespace);
    const found = named.length > 0 ? `It exports ${named.map((name) => `\`${name}\``).join(', ')}, but ` : '';
    throw new NexxoConfigError(`${label} has no default export. ${found}Nexxo reads the default one: \`export default defineConfig({ ... })\`.`);
  }
  const exported = namespace.default;
  if (typeof exported === 'function') {
    const config = await runConfigCode(() => (exported as (context: { mode: ConfigMode }) => unknown)({ mode }), { ...source, during: 'the exported config function' });
    if (config === undefined) throw new NexxoConfigError(`The function exported by ${label} returned nothing. Return the config object from it.`);
    return config;
  }
  if (typeof exported !== 'object' || exported === null || Array.isArray(exported)) {
    throw new NexxoConfigError(
      `The default export of ${label} is ${describeValue(exported)}; it must be a config object or a function that returns one: \`export default defineConfig({ ... })\`.`,
    );
  }
  return exported;
}
