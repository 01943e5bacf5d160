import type { CompiledRoutingRules, RouteCondition, RoutingConfig } from '@nexxo/runtime';
import { escapeRegExp } from './route-regex.js';
import { sourceRegex, type SourceParam } from './rule-source.js';
import type { VercelCondition, VercelRoute } from './vercel-routes.js';

type Template = CompiledRoutingRules['redirects'][number]['destination'];
type TemplatePart = Template['pathname'][number];

/** A rule's match as a Vercel route: `src` and the request conditions. */
export type RouteMatch = Pick<Extract<VercelRoute, { src: string }>, 'src' | 'has' | 'missing'>;

export interface ConfigRouteOptions {
  /**
   * Routes that hand the requests a rule matches to the functions, which apply the rule
   * themselves: for a rule a Vercel route cannot express.
   */
  toFunction(match: RouteMatch): VercelRoute[];
  /** The build assets' prefix (`/docs/_nexxo`): a rule the functions apply never sends them there. */
  assets: string;
}

/** `nexxo.config` redirects, rewrites and headers as `config.json` routes, by phase, in config order. */
export interface ConfigRoutes {
  headers: VercelRoute[];
  redirects: VercelRoute[];
  beforeFiles: VercelRoute[];
  /** One entry per rule, so the caller can put guards between them (see planRouting). */
  afterFiles: VercelRoute[][];
  fallback: VercelRoute[][];
  /** Rules left to the functions, with the reason (`redirects[1] is applied by the functions only: …`). */
  kept: string[];
  /** Indexes of `headers` rules left to the functions. */
  keptHeaders: Set<number>;
}

/**
 * Translates the routing rules the way Next.js's own Vercel output does: a header rule is a route
 * with `headers` and `continue: true`; a redirect a route with `status` and a `Location` header; a
 * rewrite a route with `dest` (beforeFiles ones `continue`, so the next rule and the file system
 * see the rewritten path; afterFiles and fallback ones `check`, so a file at the destination ends
 * the phase). `has`/`missing` carry over. The functions keep every rule too: Vercel invokes them
 * with the URL as requested, and they apply rules exactly as `nexxo start` does.
 *
 * A rule whose effect a route cannot reproduce exactly (a destination that uses a `has` capture,
 * a destination query, a `Set-Cookie` header, …) becomes a route to the functions instead, at its
 * place in the order, so no request it matches is answered without it.
 */
export function configRoutes(routing: RoutingConfig, rules: CompiledRoutingRules, options: ConfigRouteOptions): ConfigRoutes {
  const result: ConfigRoutes = { headers: [], redirects: [], beforeFiles: [], afterFiles: [], fallback: [], kept: [], keptHeaders: new Set() };
  const { basePath } = rules;
  /** The routes `build` makes of a rule, or routes to the functions when it finds the rule inexpressible. */
  const translate = (where: string, rule: Rule, exclude: string | undefined, build: (matched: RuleMatch) => VercelRoute[]): VercelRoute[] => {
    const matched = ruleMatch(rule, basePath, exclude);
    try {
      return build(matched);
    } catch (error) {
      if (!(error instanceof Inexpressible)) throw error;
      result.kept.push(`${where} is applied by the functions only: ${error.message}.`);
      return options.toFunction({ ...matched.match, src: sourceRegex(rule.source, { basePath, matchBasePath: rule.basePath !== false, exclude: options.assets }).src });
    }
  };

  routing.headers.forEach((rule, index) => {
    const kept = result.kept.length;
    const routes = translate(`headers[${index}]`, rule, undefined, ({ match, params, blocked }) => {
      const headers: Record<string, string> = {};
      for (const { key, value } of rules.headers[index]!.headers) {
        const name = key.length === 1 && typeof key[0] === 'string' ? key[0] : null;
        if (name === null) throw new Inexpressible('a header name uses a param, and Vercel fills in only values');
        if (name.toLowerCase() === 'set-cookie') throw new Inexpressible('it sets Set-Cookie, and a Vercel route sets a header once, replacing other cookies');
        for (const existing of Object.keys(headers)) if (existing.toLowerCase() === name.toLowerCase()) delete headers[existing];
        headers[name] = renderParts(value, params, blocked, false);
      }
      return [{ ...match, headers, continue: true }];
    });
    if (result.kept.length > kept) result.keptHeaders.add(index);
    result.headers.push(...routes);
  });

  routing.redirects.forEach((rule, index) => {
    const compiled = rules.redirects[index]!;
    result.redirects.push(
      ...translate(`redirects[${index}]`, rule, `${basePath}/_nexxo`, ({ match, params, blocked }) => {
        if (compiled.destination.query.length > 0) throw new Inexpressible("its destination has a query, which Vercel merges with the request's query in its own way");
        return [{ ...match, headers: { Location: renderDestination(compiled.destination, params, blocked) }, status: compiled.status }];
      }),
    );
  });

  for (const phase of ['beforeFiles', 'afterFiles', 'fallback'] as const) {
    routing.rewrites[phase].forEach((rule, index) => {
      const template = rules.rewrites[phase][index]!.destination;
      const routes = translate(`rewrites.${phase}[${index}]`, rule, undefined, ({ match, params, blocked }) => {
        const dest = rewriteDestination(template, params, blocked);
        return [{ ...match, dest, ...(template.origin ? {} : phase === 'beforeFiles' ? { continue: true } : { check: true }) }];
      });
      if (phase === 'beforeFiles') result.beforeFiles.push(...routes);
      else result[phase].push(routes);
    });
  }
  return result;
}

type Rule = { source: string; basePath?: false; has?: RouteCondition[]; missing?: RouteCondition[] };
interface RuleMatch {
  match: RouteMatch;
  params: Map<string, SourceParam>;
  /** Params of `has` conditions: Vercel fills those in its own way. */
  blocked: Set<string>;
}

/** Why a rule cannot be a Vercel route (worded to follow "… is applied by the functions only:"). */
class Inexpressible extends Error {}

function ruleMatch(rule: Rule, basePath: string, exclude?: string): RuleMatch {
  const { src, params } = sourceRegex(rule.source, { basePath, matchBasePath: rule.basePath !== false, ...(exclude ? { exclude } : {}) });
  const has = vercelConditions(rule.has);
  const missing = vercelConditions(rule.missing);
  return { match: { src, ...(has ? { has } : {}), ...(missing ? { missing } : {}) }, params, blocked: conditionParams(rule.has ?? []) };
}

/** Next's `has`/`missing` as Vercel's: the same fields and value expressions; header names in lower case. */
export function vercelConditions(conditions: RouteCondition[] | undefined): VercelCondition[] | undefined {
  if (!conditions || conditions.length === 0) return undefined;
  return conditions.map((condition) =>
    condition.type === 'host'
      ? { type: 'host', value: condition.value }
      : { type: condition.type, key: condition.type === 'header' ? condition.key.toLowerCase() : condition.key, ...(condition.value !== undefined ? { value: condition.value } : {}) },
  );
}

/** Params a `has` condition defines (the runtime's `conditionParamNames`). */
function conditionParams(has: RouteCondition[]): Set<string> {
  const names = new Set<string>();
  for (const condition of has) {
    if (!condition.value) {
      if (condition.key) names.add(condition.key.replace(/[^A-Za-z]/g, ''));
      continue;
    }
    for (const match of condition.value.matchAll(/\(\?<([a-zA-Z][a-zA-Z0-9]*)>/g)) names.add(match[1]!);
    if (condition.type === 'host') names.add('host');
  }
  return names;
}

/** A redirect's `Location` or a rewrite's `dest`: the runtime's parsed destination with `$group` for each param. */
function renderDestination(template: Template, params: Map<string, SourceParam>, blocked: Set<string>): string {
  const path = renderParts(template.pathname, params, blocked, true) || '/';
  const hash = template.hash ? '#' + renderParts(template.hash, params, blocked, true) : '';
  const { origin } = template;
  return `${origin ? `${origin.scheme}//${origin.userinfo}${renderParts(origin.hostname, params, blocked, false)}${origin.port}` : ''}${path}${hash}`;
}

/**
 * A rewrite's `dest`. A local one is only the path: the function the request ends in applies the
 * rewrite again to the URL as requested, and a file ignores the query. An external one is what
 * Vercel proxies to, so it must carry the query the runtime builds. Either with a query of its own
 * is left to the functions: Vercel would hand it on to them, where a `missing` query condition
 * then sees it, and for a proxy a request's query may override it on Vercel, not in the runtime.
 */
function rewriteDestination(template: Template, params: Map<string, SourceParam>, blocked: Set<string>): string {
  if (template.query.length > 0) throw new Inexpressible("its destination has a query, which Vercel merges with the request's query in its own way");
  if (template.origin) {
    if (blocked.size > 0) throw new Inexpressible('its external destination would get the captures of its has conditions in its query');
    // The runtime adds every param to the query when the host, path and hash use none that has a value.
    const required = (name: string) => params.get(name)?.modifier === '' || params.get(name)?.modifier === '+';
    const unused = [...params.keys()].filter((name) => !template.usedParams.has(name));
    if (unused.length > 0 && ![...template.usedParams].some(required)) throw new Inexpressible('its external destination would get params in its query');
    return renderDestination(template, params, blocked);
  }
  return renderDestination({ ...template, hash: null }, params, blocked);
}

/**
 * Literal text and `$group`s. In a path, the runtime drops the `/` or `.` before a param without a
 * value; the param's prefix group (`$pathPart`) does that when the characters agree.
 */
function renderParts(parts: TemplatePart[], params: Map<string, SourceParam>, blocked: Set<string>, inPath: boolean): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      if (/\$[1-9a-zA-Z]/.test(part)) throw new Inexpressible(`"${part}" has a "$" that Vercel would read as a capture`);
      out += part;
      continue;
    }
    if (blocked.has(part.name)) throw new Inexpressible(`it uses :${part.name} of a has condition, which Vercel fills in its own way`);
    const param = params.get(part.name);
    if (!param) throw new Inexpressible(`it uses :${part.name}, which its source does not capture`);
    // A repeated param's value is its segments joined with "/": the captured text only if "/" separates them.
    if ((param.modifier === '*' || param.modifier === '+') && (param.prefix !== '/' || param.suffix !== '')) {
      throw new Inexpressible(`:${part.name} repeats with "${param.prefix}${param.suffix}" between values, and the runtime joins them with "/"`);
    }
    if (inPath && (param.modifier === '?' || param.modifier === '*') && (out.endsWith('/') || out.endsWith('.'))) {
      if (!param.withPrefix || param.prefix !== out.at(-1) || param.suffix !== '') throw new Inexpressible(`the "${out.at(-1)}" before :${part.name} goes when it has no value, which a Vercel route cannot do`);
      out = out.slice(0, -1) + '$' + param.withPrefix;
      continue;
    }
    out += '$' + param.group;
  }
  return out;
}

/**
 * The runtime's first redirect, before config redirects and middleware: a path under the base path
 * gets (`trailingSlash: true`) or loses a trailing slash, with a 308 that keeps the query. With
 * `true`, a last segment with a dot (`/file.txt`) is left as it is. Paths with empty segments and
 * `/_nexxo/…` are left to the function, which builds the same redirect.
 */
export function trailingSlashRoute(basePath: string, trailingSlash: boolean): VercelRoute {
  const start = `${escapeRegExp(basePath)}(?!\\/_nexxo(?:\\/|$))`;
  return trailingSlash
    ? { src: `^(?<path>${start}(?:\\/[^\\/]+)*\\/[^\\/.]+\\.?)$`, headers: { Location: '$path/' }, status: 308 }
    : { src: `^(?<path>${start}(?:\\/[^\\/]+)+)\\/+$`, headers: { Location: '$path' }, status: 308 };
}
