import { NexxoConfigError } from './config-error.js';
import { configSchema } from './config-schema.js';
import type { NexxoConfig } from './config-types.js';
import { headersSchema, redirectsSchema, rewritesSchema } from './routing-schema.js';
import { describeValue, isPlainObject, type Report } from './schema-checks.js';

/**
 * Checks the object a config exported, before anything is resolved, and throws one error listing
 * every problem (unknown options with the nearest valid one, wrong types with the key path,
 * Next.js options Nexxo does not take). `file` is the config's name as the user knows it.
 */
export function validateConfig(config: unknown, file: string): asserts config is NexxoConfig {
  if (!isPlainObject(config)) {
    throw new NexxoConfigError(`The config in ${file} must be an object, but it is ${describeValue(config)}: \`export default defineConfig({ ... })\`.`);
  }
  const report: Report = { file, problems: [] };
  configSchema(config, '', report);
  throwProblems(report);
}

/** What `redirects()`, `rewrites()` and `headers()` returned; a key is absent when the config has no such function. */
export interface RoutingRulesResult {
  redirects?: unknown;
  rewrites?: unknown;
  headers?: unknown;
}

/** Checks the rules the routing functions returned, in the same way and with the same errors. */
export function validateRoutingRules(rules: RoutingRulesResult, file: string): void {
  const report: Report = { file, problems: [] };
  if (Object.hasOwn(rules, 'redirects')) redirectsSchema(rules.redirects, 'redirects()', report);
  if (Object.hasOwn(rules, 'rewrites')) rewritesSchema(rules.rewrites, 'rewrites()', report);
  if (Object.hasOwn(rules, 'headers')) headersSchema(rules.headers, 'headers()', report);
  throwProblems(report);
}

function throwProblems({ file, problems }: Report): void {
  if (problems.length === 0) return;
  const message = problems.length === 1 ? problems[0]! : `${file} has ${problems.length} problems:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`;
  throw new NexxoConfigError(message, { problems });
}
