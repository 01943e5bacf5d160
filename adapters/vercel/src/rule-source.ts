import { parse, type Token } from 'path-to-regexp';
import { escapeRegExp } from './route-regex.js';

// The runtime compiles rule sources and middleware matchers with the same path-to-regexp major
// (runtime/src/routing-rules/compile-rules.ts; both packages ask for ^6.3.0, so npm installs one
// copy): a source means on Vercel's CDN exactly what it means in the function.

/** A named param of a source: the regex group a Vercel `dest` or header value refers to (`$slug`). */
export interface SourceParam {
  group: string;
  /** `?` or `*`: the param may have no value. */
  modifier: string;
  prefix: string;
  suffix: string;
  /**
   * For an optional param with a prefix: the group that also holds the prefix (`/a/b` for
   * `/:path*`, empty when absent). The runtime drops a destination's `/` before a param that has
   * no value; `…$pathPart` does the same on Vercel.
   */
  withPrefix?: string;
}

export interface SourceRegex {
  /** A Vercel route `src` (PCRE; also a JavaScript RegExp source), matched case-insensitively as the runtime does. */
  src: string;
  params: Map<string, SourceParam>;
}

export interface SourceOptions {
  /** The app's base path; the source is matched under it unless `matchBasePath` is false (`basePath: false`). */
  basePath: string;
  matchBasePath?: boolean;
  /** A path prefix the source never matches (redirects stay off `/_nexxo` build assets). */
  exclude?: string;
}

/**
 * A Next.js-style source (`/blog/:slug`, `/docs/:path*`, `/(.*)`, `/post/:id(\\d+)`) as a Vercel
 * route `src` that matches exactly the paths the runtime's `compileRule` matches: the same tokens,
 * the same regex path-to-regexp builds from them (strict, `/` delimiter), the base path in front,
 * an optional trailing slash. Named params become named groups; unnamed groups do not capture
 * (they are no params in Next either).
 *
 * @example
 * sourceRegex('/blog/:slug', { basePath: '/docs' }).src; // '^\\/docs\\/blog(?:\\/(?<slug>[^\\/]+?))(?:\\/)?$'
 */
export function sourceRegex(source: string, { basePath, matchBasePath = true, exclude }: SourceOptions): SourceRegex {
  const prefix = basePath && matchBasePath ? escapePattern(basePath) : '';
  const tokens = parse(prefix && source === '/' ? prefix : prefix + source, { delimiter: '/' });
  const params = new Map<string, SourceParam>();
  const names = new GroupNames();
  let body = '';
  for (const token of tokens) {
    if (typeof token === 'string') {
      body += escapeString(token);
      continue;
    }
    const tokenPrefix = escapeString(token.prefix);
    const tokenSuffix = escapeString(token.suffix);
    if (!token.pattern) {
      body += `(?:${tokenPrefix}${tokenSuffix})${token.modifier}`;
      continue;
    }
    const named = typeof token.name === 'string';
    const group = named ? names.take(token.name as string) : '';
    const open = named ? `(?<${group}>` : '(?:';
    const repeated = token.modifier === '+' || token.modifier === '*';
    const optional = token.modifier === '?' || token.modifier === '*';
    if (!tokenPrefix && !tokenSuffix) {
      // path-to-regexp refuses a repeated param without a prefix; the runtime already did at build time.
      body += `${open}${token.pattern})${token.modifier}`;
      if (named) params.set(token.name as string, { group, modifier: token.modifier, prefix: '', suffix: '' });
      continue;
    }
    const withPrefix = named && optional ? names.take(`${group}Part`) : undefined;
    const outer = withPrefix ? `(?<${withPrefix}>` : '(?:';
    const inner = repeated ? `(?:${token.pattern})(?:${tokenSuffix}${tokenPrefix}(?:${token.pattern}))*` : token.pattern;
    body += `${outer}${tokenPrefix}${open}${inner})${tokenSuffix})${repeated ? (token.modifier === '*' ? '?' : '') : token.modifier}`;
    if (named) params.set(token.name as string, { group, modifier: token.modifier, prefix: token.prefix, suffix: token.suffix, ...(withPrefix ? { withPrefix } : {}) });
  }
  const guard = exclude ? `(?!${escapeRegExp(exclude)}(?:\\/|$))` : '';
  return { src: `^${guard}${body}(?:\\/)?$`, params };
}

/**
 * Group names Vercel substitutes reliably (`$name`): letters and digits, starting with a letter,
 * short, unique. A param named otherwise gets a made-up name; only the route uses it.
 */
class GroupNames {
  private readonly used = new Set<string>();

  take(wanted: string): string {
    const clean = wanted.replace(/[^A-Za-z0-9]/g, '');
    let name = /^[A-Za-z]/.test(clean) && clean.length <= 30 ? clean : 'p';
    for (let index = 2; this.used.has(name.toLowerCase()); index++) name = `${name.replace(/\d+$/, '')}${index}`;
    this.used.add(name.toLowerCase());
    return name;
  }
}

/** path-to-regexp's escaping of literal text (its `escapeString`). */
function escapeString(text: string): string {
  return text.replace(/([.+*?=^!:${}()[\]|/\\])/g, '\\$1');
}

/** The runtime's escaping of a base path inside a source (compile-rules.ts `escapePattern`). */
function escapePattern(text: string): string {
  return text.replace(/[:()*+?{}\\]/g, '\\$&');
}
