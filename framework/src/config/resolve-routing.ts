import type { HeaderRule, RedirectRule, RewriteRule, RewriteRules, RoutingConfig } from '@nexxo/runtime';
import { runConfigCode, type ConfigSource } from './config-error.js';
import type { NexxoConfig, RewritesByPhase } from './config-types.js';
import { validateRoutingRules, type RoutingRulesResult } from './validate-config.js';

/**
 * The routing part of the config as the runtime takes it: redirects(), rewrites() and headers()
 * awaited (they may read files or fetch), their rules checked, and rewrites split into phases.
 */
export async function resolveRouting(config: NexxoConfig, source: ConfigSource): Promise<RoutingConfig> {
  const results: RoutingRulesResult = {};
  // One after another, so that when two throw the user always sees the same one first.
  for (const name of ['redirects', 'rewrites', 'headers'] as const) {
    const routingFunction: (() => unknown) | undefined = config[name];
    // Called as methods, as Next.js does, so `this` is the config.
    if (routingFunction) results[name] = await runConfigCode(() => routingFunction.call(config), { ...source, during: `${name}()` });
  }
  validateRoutingRules(results, source.label);
  return {
    basePath: config.basePath ?? '',
    trailingSlash: config.trailingSlash ?? false,
    redirects: [...((results.redirects as RedirectRule[] | undefined) ?? [])],
    rewrites: rewritesByPhase(results.rewrites as RewriteRule[] | RewritesByPhase | undefined),
    headers: [...((results.headers as HeaderRule[] | undefined) ?? [])],
  };
}

/** An array from rewrites() is `afterFiles`, as in Next.js. */
function rewritesByPhase(rewrites: RewriteRule[] | RewritesByPhase | undefined): RewriteRules {
  if (Array.isArray(rewrites)) return { beforeFiles: [], afterFiles: [...rewrites], fallback: [] };
  return { beforeFiles: [...(rewrites?.beforeFiles ?? [])], afterFiles: [...(rewrites?.afterFiles ?? [])], fallback: [...(rewrites?.fallback ?? [])] };
}
