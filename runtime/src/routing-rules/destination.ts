import type { RuleParams } from './conditions.js';

/** Literal text, or a `:name` param with its path-to-regexp modifier. */
export type TemplatePart = string | { name: string; modifier: string };

export interface DestinationTemplate {
  /** `https://host` split up so params fill only the hostname; null for a local destination. */
  origin: { scheme: string; userinfo: string; hostname: TemplatePart[]; port: string } | null;
  pathname: TemplatePart[];
  /** Decoded query entries; params fill the values. */
  query: { key: string; value: TemplatePart[] }[];
  hash: TemplatePart[] | null;
  /** Params named in the host, path or hash: a rewrite using none of them gets every param in its query (Next). */
  usedParams: Set<string>;
}

export interface BuiltDestination {
  /** `https://host:port`, or `''` for a local destination. */
  origin: string;
  /** Percent-encoded. */
  pathname: string;
  query: Map<string, string[]>;
  hash: string;
}

const EXTERNAL = /^(https?:)\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/i;
const LOCAL = /^(\/[^?#]*)(?:\?([^#]*))?(?:#(.*))?$/;
/** path-to-regexp's param syntax; `\:` is a literal colon in the host, path and hash. */
const PARAM = /\\:|:([A-Za-z0-9_]+)([*+?]?)/g;

/**
 * Null when the destination is neither local (`/…`) nor `http(s)://…`. `known` says which `:name`s
 * in query values are params; any other (`?t=10:30`) stays text, as in Next.
 */
export function parseDestination(destination: string, known: Set<string>): DestinationTemplate | null {
  const external = EXTERNAL.exec(destination);
  const local = external ? null : LOCAL.exec(destination);
  if (!external && !local) return null;
  const [rawPath, rawQuery, rawHash] = external ? [external[3]!, external[4], external[5]] : [local![1]!, local![2], local![3]];
  const template: DestinationTemplate = {
    origin: external ? parseOrigin(external[1]!.toLowerCase(), external[2]!) : null,
    pathname: tokenize(rawPath),
    query: [],
    hash: rawHash === undefined ? null : tokenize(rawHash),
    usedParams: new Set(),
  };
  // forEach: the runtime's lib has no DOM.Iterable, so URLSearchParams is not iterable here.
  new URLSearchParams(rawQuery ?? '').forEach((value, key) => template.query.push({ key, value: tokenize(value, known) }));
  for (const part of [...(template.origin?.hostname ?? []), ...template.pathname, ...(template.hash ?? [])]) {
    if (typeof part !== 'string') template.usedParams.add(part.name);
  }
  return template;
}

function parseOrigin(scheme: string, authority: string): NonNullable<DestinationTemplate['origin']> {
  const at = authority.lastIndexOf('@');
  const userinfo = authority.slice(0, at + 1);
  const hostAndPort = authority.slice(at + 1);
  const port = /:\d*$/.exec(hostAndPort)?.[0] ?? '';
  const hostname = hostAndPort.slice(0, hostAndPort.length - port.length);
  // An IPv6 literal is full of colons that are not params.
  return { scheme, userinfo, hostname: hostname.startsWith('[') ? [hostname] : tokenize(hostname), port };
}

/** Splits text into literals and params; with `known`, other `:names` stay literal text. */
export function tokenize(text: string, known?: Set<string>): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = '';
  let last = 0;
  for (const match of text.matchAll(PARAM)) {
    literal += text.slice(last, match.index);
    last = match.index + match[0].length;
    const name = match[1];
    if (name === undefined) {
      literal += known ? '\\:' : ':';
    } else if (known && !known.has(name)) {
      literal += match[0];
    } else {
      if (literal) parts.push(literal);
      literal = '';
      parts.push({ name, modifier: match[2]! });
    }
  }
  literal += text.slice(last);
  if (literal) parts.push(literal);
  return parts;
}

/**
 * Fills params in. A repeated param is joined with `/`. In a path, a param without a value drops
 * with the `/` or `.` before it, as path-to-regexp's compile does (`/docs/:path*` → `/docs`).
 */
export function render(parts: TemplatePart[], params: RuleParams, encode: (value: string) => string, inPath = false): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    const value = params[part.name];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) {
      if (inPath && (out.endsWith('/') || out.endsWith('.'))) out = out.slice(0, -1);
      continue;
    }
    out += (Array.isArray(value) ? value : [value]).map(encode).join('/');
  }
  return out;
}

/** Encodes a param for a path, keeping its `/`s; a `.` or `..` segment is encoded so it cannot climb out of the destination. */
export function encodePathParam(value: string): string {
  return value
    .split('/')
    .map((segment) => (segment === '.' || segment === '..' ? segment.replaceAll('.', '%2E') : encodeURIComponent(segment)))
    .join('/');
}

/**
 * Fills the destination in. The query merges, lowest priority first: the request's query, then
 * (for rewrites whose host, path and hash use no param) every param, then the destination's own
 * query — the order Next's prepareDestination uses. A key set by a later source replaces all of
 * an earlier source's values for it.
 */
export function buildDestination(template: DestinationTemplate, params: RuleParams, requestQuery: URLSearchParams, appendParams: boolean): BuiltDestination {
  const destinationQuery = new Map<string, string[]>();
  for (const { key, value } of template.query) {
    destinationQuery.set(key, [...(destinationQuery.get(key) ?? []), render(value, params, String)]);
  }
  if (appendParams && ![...template.usedParams].some((name) => name in params)) {
    for (const [name, value] of Object.entries(params)) {
      if (!destinationQuery.has(name)) destinationQuery.set(name, Array.isArray(value) ? value : [value]);
    }
  }
  const query = new Map<string, string[]>();
  requestQuery.forEach((value, key) => query.set(key, [...(query.get(key) ?? []), value]));
  for (const [key, values] of destinationQuery) query.set(key, values);

  const { origin } = template;
  return {
    origin: origin ? `${origin.scheme}//${origin.userinfo}${render(origin.hostname, params, encodeURIComponent)}${origin.port}` : '',
    pathname: render(template.pathname, params, encodePathParam, true),
    query,
    hash: template.hash ? '#' + render(template.hash, params, encodePathParam, true) : '',
  };
}

/** `?a=1&b=x%20y`, or `''` for no entries; encoded like Node's querystring, which Next uses. */
export function stringifyQuery(query: Map<string, string[]>): string {
  const pairs: string[] = [];
  for (const [key, values] of query) for (const value of values) pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
  return pairs.length ? '?' + pairs.join('&') : '';
}
