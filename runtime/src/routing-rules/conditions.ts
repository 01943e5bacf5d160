import type { RouteCondition } from '../routing-config.js';

/** Params a rule captured: from its source (repeated params as arrays) and its `has` conditions. */
export type RuleParams = Record<string, string | string[]>;

/** What `has` / `missing` conditions look at, read lazily: most rules have no conditions. */
export interface RequestFacts {
  header(name: string): string | null;
  cookie(name: string): string | undefined;
  query(name: string): string | undefined;
  hostname: string;
}

export interface CompiledCondition {
  type: RouteCondition['type'];
  key: string;
  /** Null: the condition only asks that the value is present (and non-empty, as in Next). */
  pattern: RegExp | null;
}

const TYPES = new Set(['header', 'cookie', 'query', 'host']);
/** The group names Next accepts as params (its own scan, so the destination check agrees with it). */
const NAMED_GROUP = /\(\?<([a-zA-Z][a-zA-Z0-9]*)>/g;

/** What is wrong with a condition's shape and how to fix it, or null. Worded to follow "has[0] …". */
export function conditionProblem(condition: unknown): { problem: string; fix: string } | null {
  if (!condition || typeof condition !== 'object') {
    return { problem: 'is not a condition object', fix: 'write e.g. { type: "header", key: "x-id" } or { type: "host", value: "example\\.com" }.' };
  }
  const { type, key, value } = condition as Record<string, unknown>;
  if (typeof type !== 'string' || !TYPES.has(type)) {
    return { problem: `has type ${JSON.stringify(type)}, which is not a condition type`, fix: 'use "header", "cookie", "query" or "host".' };
  }
  if (type === 'host' && typeof value !== 'string') {
    return { problem: 'is a "host" condition without a value, so it has nothing to compare', fix: 'give the host as a regular expression, e.g. value: "(?<sub>[a-z]+)\\.example\\.com".' };
  }
  if (type !== 'host' && (typeof key !== 'string' || key === '')) {
    return { problem: `is a "${type}" condition without a key`, fix: `name the ${type} to look at, e.g. key: "${type === 'header' ? 'x-id' : 'id'}".` };
  }
  if (value !== undefined && typeof value !== 'string') {
    return { problem: `has value ${JSON.stringify(value)}, which is not a string`, fix: 'write the value as a regular expression in a string, or leave it out to only require presence.' };
  }
  return null;
}

/** Throws the RegExp's SyntaxError for an invalid `value`; the caller words it. */
export function compileCondition(condition: RouteCondition): CompiledCondition {
  // Next anchors the value as `^${value}$` without a group, so `a|b` means `^a` or `b$`; kept for parity.
  return { type: condition.type, key: condition.key ?? '', pattern: condition.value ? new RegExp(`^${condition.value}$`) : null };
}

/** The params a `has` condition may define, for checking destinations at compile time. */
export function conditionParamNames(condition: RouteCondition): string[] {
  if (!condition.value) return condition.key ? [safeParamName(condition.key)] : [];
  const names = [...condition.value.matchAll(NAMED_GROUP)].map((match) => match[1]!);
  if (condition.type === 'host') names.push('host');
  return names;
}

/** Next keeps only ASCII letters of a key used as a param name (`x-user-id` → `xuserid`). */
function safeParamName(key: string): string {
  return key.replace(/[^A-Za-z]/g, '');
}

/** Params captured by `has` (named groups, or the value of a key without `value`); null when a condition fails. */
export function matchConditions(has: CompiledCondition[], missing: CompiledCondition[], facts: RequestFacts): RuleParams | null {
  const params: RuleParams = {};
  for (const condition of has) if (!matchCondition(condition, facts, params)) return null;
  for (const condition of missing) if (matchCondition(condition, facts, {})) return null;
  return params;
}

function matchCondition(condition: CompiledCondition, facts: RequestFacts, params: RuleParams): boolean {
  const value = read(condition, facts);
  // An empty value counts as absent, as in Next (`?q=` does not satisfy `has: [{ type: 'query', key: 'q' }]`).
  if (!value) return false;
  if (!condition.pattern) {
    params[safeParamName(condition.key)] = value;
    return true;
  }
  const match = condition.pattern.exec(value);
  if (!match) return false;
  if (match.groups) {
    for (const [name, group] of Object.entries(match.groups)) if (group !== undefined) params[name] = group;
  } else if (condition.type === 'host') {
    params.host = match[0];
  }
  return true;
}

function read(condition: CompiledCondition, facts: RequestFacts): string | null | undefined {
  switch (condition.type) {
    case 'header':
      return facts.header(condition.key);
    case 'cookie':
      return facts.cookie(condition.key);
    case 'query':
      return facts.query(condition.key);
    case 'host':
      return facts.hostname;
  }
}

/** Facts about one request; the Cookie header is parsed at most once, and only when a rule asks. */
export function requestFacts(headers: Headers, search: URLSearchParams, host: string): RequestFacts {
  let cookies: Map<string, string> | undefined;
  return {
    header: (name) => headers.get(name),
    cookie: (name) => (cookies ??= parseCookies(headers.get('cookie') ?? '')).get(name),
    // A repeated query key is matched on its last value, as Next does.
    query: (name) => search.getAll(name).at(-1),
    hostname: hostnameOf(host),
  };
}

/** `a=1; b="two"` → a → 1, b → two. The first of two same-named cookies wins; values are percent-decoded when valid. */
export function parseCookies(header: string): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const pair of header.split(';')) {
    const equals = pair.indexOf('=');
    if (equals === -1) continue;
    const name = pair.slice(0, equals).trim();
    if (!name || cookies.has(name)) continue;
    let value = pair.slice(equals + 1).trim();
    if (value.length > 1 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    cookies.set(name, decodeCookieValue(value));
  }
  return cookies;
}

function decodeCookieValue(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** `Example.com:3000` → `example.com`, `[::1]:3000` → `[::1]`: host conditions never see the port. */
export function hostnameOf(host: string): string {
  const lower = host.trim().toLowerCase();
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1) || lower;
  const colon = lower.indexOf(':');
  return colon === -1 ? lower : lower.slice(0, colon);
}
