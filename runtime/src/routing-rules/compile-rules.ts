import { pathToRegexp, regexpToFunction, type Key } from 'path-to-regexp';
import type { HeaderRule, RedirectRule, RewriteRule, RewriteRules, RoutingConfig } from '../routing-config.js';
import { compileCondition, conditionParamNames, conditionProblem, type CompiledCondition, type RuleParams } from './conditions.js';
import { parseDestination, tokenize, type DestinationTemplate, type TemplatePart } from './destination.js';

export type RewritePhase = keyof RewriteRules;

export interface CompiledRule {
  /** The source's named params, or null when the path does not match. */
  matchPath(pathname: string): RuleParams | null;
  has: CompiledCondition[];
  missing: CompiledCondition[];
}

export interface CompiledRedirect extends CompiledRule {
  destination: DestinationTemplate;
  status: number;
}

export interface CompiledRewrite extends CompiledRule {
  destination: DestinationTemplate;
}

export interface CompiledHeaderRule extends CompiledRule {
  headers: { key: TemplatePart[]; value: TemplatePart[] }[];
}

/** The routing config with every pattern compiled; build it once per server start and treat it as opaque. */
export interface CompiledRoutingRules {
  basePath: string;
  trailingSlash: boolean;
  redirects: CompiledRedirect[];
  rewrites: Record<RewritePhase, CompiledRewrite[]>;
  headers: CompiledHeaderRule[];
}

export type RuleBase = Pick<RedirectRule, 'source' | 'basePath' | 'has' | 'missing'>;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Build assets live here; Next likewise keeps redirects off `/_next` so a `/:path*` rule cannot break them. */
const ASSET_PREFIX = '/_nexxo';

/**
 * Compiles every source, condition and destination once, and checks each rule.
 * Throws an Error with `code: 'NEXXO_CONFIG'` naming the rule (`redirects[2]: …`) and the fix.
 *
 * @example
 * const rules = compileRoutingRules({ ...DEFAULT_ROUTING_CONFIG, redirects: [{ source: '/old/:slug', destination: '/new/:slug', permanent: true }] });
 * matchRedirect(rules, { pathname: '/old/a', search: '', headers: new Headers(), host: 'example.com' }); // { location: '/new/a', status: 308 }
 */
export function compileRoutingRules(config: RoutingConfig): CompiledRoutingRules {
  const basePath = checkBasePath(config.basePath);
  const rewrites = (phase: RewritePhase) => config.rewrites[phase].map((rule, index) => compileRewrite(rule, `rewrites.${phase}[${index}]`, basePath));
  return {
    basePath,
    trailingSlash: config.trailingSlash,
    redirects: config.redirects.map((rule, index) => compileRedirect(rule, `redirects[${index}]`, basePath)),
    rewrites: { beforeFiles: rewrites('beforeFiles'), afterFiles: rewrites('afterFiles'), fallback: rewrites('fallback') },
    headers: config.headers.map((rule, index) => compileHeaderRule(rule, `headers[${index}]`, basePath)),
  };
}

function compileRedirect(rule: RedirectRule, where: string, basePath: string): CompiledRedirect {
  const { known, ...compiled } = compileRule(rule, where, basePath, `${basePath}${ASSET_PREFIX}`);
  return { ...compiled, destination: compileDestination(rule, where, basePath, known), status: redirectStatus(rule, where) };
}

function compileRewrite(rule: RewriteRule, where: string, basePath: string): CompiledRewrite {
  const { known, ...compiled } = compileRule(rule, where, basePath);
  const destination = compileDestination(rule, where, basePath, known);
  if (rule.basePath === false && !destination.origin) {
    throw configError(where, `basePath: false with the local destination "${rule.destination}" would rewrite to a path outside the app.`, 'rewrite to a full URL ("https://…"), or remove basePath: false.');
  }
  return { ...compiled, destination };
}

function compileHeaderRule(rule: HeaderRule, where: string, basePath: string): CompiledHeaderRule {
  const { known, ...compiled } = compileRule(rule, where, basePath);
  if (!Array.isArray(rule.headers) || rule.headers.length === 0) {
    throw configError(where, 'has no headers to set.', 'add headers: [{ key: "X-Frame-Options", value: "DENY" }], or remove the rule.');
  }
  const headers = rule.headers.map(({ key, value }, index) => {
    if (typeof key !== 'string' || typeof value !== 'string' || key === '') {
      throw configError(`${where}.headers[${index}]`, `needs a non-empty string key and a string value, not ${JSON.stringify({ key, value })}.`, 'write { key: "X-Frame-Options", value: "DENY" }.');
    }
    return { key: tokenize(key, known), value: tokenize(value, known) };
  });
  return { ...compiled, headers };
}

/** Matches the source under the base path, as Next does unless the rule says `basePath: false`. */
export function compileRule(rule: RuleBase, where: string, basePath: string, restrictedPrefix?: string): CompiledRule & { known: Set<string> } {
  const { source } = rule;
  if (typeof source !== 'string' || !source.startsWith('/')) {
    throw configError(where, `source ${JSON.stringify(source)} must start with "/".`, typeof source === 'string' ? `write "/${source}".` : 'set source to a path pattern such as "/blog/:slug".');
  }
  if (rule.basePath !== undefined && rule.basePath !== false) {
    throw configError(where, `basePath is ${JSON.stringify(rule.basePath)}, but it can only be false.`, 'remove it to match under the base path, or set basePath: false to match the full path.');
  }
  const keys: Key[] = [];
  try {
    // Compiled alone first so a parse error's position points into the source as written.
    pathToRegexp(source, keys, { strict: true, delimiter: '/' });
  } catch (error) {
    throw configError(where, `source "${source}" is not a valid path pattern: ${(error as Error).message}.`, 'use Next.js path syntax ("/blog/:slug", "/docs/:path*", "/post/:id(\\\\d+)", "/(.*)"); write a literal "(", ":" or "*" as "\\\\(", "\\\\:", "\\\\*".');
  }
  const prefix = basePath && rule.basePath !== false ? escapePattern(basePath) : '';
  const full = pathToRegexp(prefix && source === '/' ? prefix : prefix + source, [], { strict: true, delimiter: '/' });
  // Like Next: case-insensitive (the `i` pathToRegexp adds by default), an optional trailing slash, and assets off limits.
  let pattern = full.source.replace(/\$$/, '(?:\\/)?$');
  if (restrictedPrefix) pattern = pattern.replace(/^\^/, `^(?!${escapeRegExp(restrictedPrefix)}(?:\\/|$))`);
  const match = regexpToFunction<Record<string, string | string[] | undefined>>(new RegExp(pattern, full.flags), keys);
  // Unnamed groups like `(.*)` are numbered keys; Next drops them from the params.
  const names = keys.map((key) => key.name).filter((name): name is string => typeof name === 'string');

  const has = compileConditions(rule.has, `${where}.has`);
  const missing = compileConditions(rule.missing, `${where}.missing`);
  return {
    matchPath(pathname) {
      const result = match(pathname);
      if (!result) return null;
      const params: RuleParams = {};
      for (const name of names) {
        const value = result.params[name];
        if (value !== undefined) params[name] = value;
      }
      return params;
    },
    has,
    missing,
    known: new Set([...names, ...(rule.has ?? []).flatMap(conditionParamNames)]),
  };
}

function compileConditions(conditions: unknown, where: string): CompiledCondition[] {
  if (conditions === undefined) return [];
  if (!Array.isArray(conditions)) throw configError(where, 'must be an array of conditions.', 'write e.g. [{ type: "cookie", key: "session" }].');
  return conditions.map((condition, index) => {
    const shape = conditionProblem(condition);
    if (shape) throw configError(`${where}[${index}]`, `${shape.problem}.`, shape.fix);
    try {
      return compileCondition(condition);
    } catch (error) {
      throw configError(`${where}[${index}]`, `value ${JSON.stringify(condition.value)} is not a valid regular expression: ${(error as Error).message}.`, 'fix the expression; a literal "." "(" "[" or "?" needs a "\\\\" before it.');
    }
  });
}

/** Parses the destination and checks that every param it fills in the host, path or hash is defined. */
function compileDestination(rule: RedirectRule | RewriteRule, where: string, basePath: string, known: Set<string>): DestinationTemplate {
  const { destination, source } = rule;
  const template = typeof destination === 'string' ? parseDestination(destination, known) : null;
  if (!template) {
    throw configError(where, `destination ${JSON.stringify(destination)} must start with "/", "http://" or "https://".`, 'write a path of this app ("/news/:slug") or a full URL ("https://example.com/:slug").');
  }
  const unknown = [...template.usedParams].filter((name) => !known.has(name)).map((name) => `:${name}`);
  const unnamed = unknown.filter((name) => /^:\d+$/.test(name));
  if (unnamed.length) {
    throw configError(where, `destination "${destination}" uses ${unnamed.join(', ')}, but unnamed groups in source "${source}" are not params.`, 'name the group in source, e.g. "/:path(.*)" instead of "/(.*)", and use :path.');
  }
  if (unknown.length) {
    const defined = known.size ? `use a param the rule defines (${[...known].map((name) => `:${name}`).join(', ')}), or name` : 'name';
    throw configError(where, `destination "${destination}" uses ${unknown.join(', ')}, which neither source "${source}" nor a has condition defines.`, `${defined} the segment in source, e.g. "/blog/${unknown[0]}". A literal colon is written "\\\\:".`);
  }
  if (!template.origin && basePath && rule.basePath !== false) {
    template.pathname = destination === '/' ? [basePath] : [basePath, ...template.pathname];
  }
  return template;
}

function redirectStatus(rule: RedirectRule, where: string): number {
  const { permanent, statusCode } = rule;
  if (permanent !== undefined && statusCode !== undefined) {
    throw configError(where, `sets both permanent and statusCode (${statusCode}), so its status is ambiguous.`, 'keep one: permanent: true (308) or false (307), or statusCode.');
  }
  if (statusCode !== undefined) {
    if (!REDIRECT_STATUSES.has(statusCode)) throw configError(where, `statusCode ${JSON.stringify(statusCode)} is not a redirect status.`, 'use 301, 302, 303, 307 or 308.');
    return statusCode;
  }
  if (typeof permanent !== 'boolean') {
    throw configError(where, 'sets neither permanent nor statusCode, so its status is unknown.', 'add permanent: true (308, cached by browsers) or permanent: false (307), or a statusCode.');
  }
  return permanent ? 308 : 307;
}

function checkBasePath(basePath: string): string {
  if (basePath === '' || (basePath.startsWith('/') && !basePath.endsWith('/'))) return basePath;
  const trimmed = basePath.replace(/^\/+|\/+$/g, '');
  throw configError('basePath', `${JSON.stringify(basePath)} must be "" or a path that starts with "/" and does not end with "/".`, trimmed ? `write "/${trimmed}".` : 'write "" for no base path.');
}

/** The problem, then how to fix it; `code` lets tools and tests tell config mistakes from crashes. */
function configError(where: string, problem: string, fix: string): Error {
  return Object.assign(new Error(`${where}: ${problem}\n  Fix: ${fix}`), { code: 'NEXXO_CONFIG' });
}

/** A base path is literal text, even if it contains characters path-to-regexp treats as syntax. */
function escapePattern(text: string): string {
  return text.replace(/[:()*+?{}\\]/g, '\\$&');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
