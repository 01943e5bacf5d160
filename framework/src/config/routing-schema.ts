import type { HeaderRule, RedirectRule, RewriteRule, RouteCondition } from '@nexxo/runtime';
import { NEXT_ONLY_RULE_OPTIONS } from './next-options.js';
import { all, arrayOf, boolean, is, isPlainObject, mismatch, object, oneOf, string, type Check, type Report } from './schema-checks.js';

/**
 * The shape of the rules `redirects()`, `rewrites()` and `headers()` return, as in Next.js. Checked
 * after the functions ran, so paths read `redirects()[0].source`.
 */

const path = all(string, is("a path starting with '/'", (value) => (value as string).startsWith('/')));

const conditionChecks: Record<keyof RouteCondition, Check> = { type: oneOf(['header', 'cookie', 'query', 'host']), key: string, value: string };
const condition = object(conditionChecks, '`{ type, key, value? }`', {
  required: ['type'],
  refine: (value, at, report) => {
    if (value.type === 'host' && value.value === undefined) report.problems.push(`\`${at}\` in ${report.file} is a host condition without \`value\`; put the host to match there, e.g. \`value: 'example.com'\`.`);
    if (value.type !== 'host' && value.key === undefined) report.problems.push(`\`${at}\` in ${report.file} has no \`key\`; put the ${value.type as string} name to match there.`);
  },
});
const conditions = arrayOf(condition, 'conditions');

const ruleBase = {
  source: path,
  basePath: is('`false` (it makes `source` match outside the base path; leave it out otherwise)', (value) => value === false),
  has: conditions,
  missing: conditions,
};

const redirectChecks: Record<keyof RedirectRule, Check> = { ...ruleBase, destination: string, permanent: boolean, statusCode: oneOf([301, 302, 303, 307, 308]) };
const redirect = object(redirectChecks, 'a redirect rule `{ source, destination, permanent }`', {
  required: ['source', 'destination'],
  nextOnly: NEXT_ONLY_RULE_OPTIONS,
  refine: (value, at, report) => {
    const has = (key: string) => value[key] !== undefined;
    if (has('permanent') && has('statusCode')) report.problems.push(`\`${at}\` in ${report.file} sets both \`permanent\` and \`statusCode\`; keep one.`);
    if (!has('permanent') && !has('statusCode')) report.problems.push(`\`${at}\` in ${report.file} needs \`permanent: true\` (308) or \`permanent: false\` (307), or a \`statusCode\`.`);
  },
});

const rewriteChecks: Record<keyof RewriteRule, Check> = { ...ruleBase, destination: string };
const rewrite = object(rewriteChecks, 'a rewrite rule `{ source, destination }`', {
  required: ['source', 'destination'],
  nextOnly: NEXT_ONLY_RULE_OPTIONS,
  // Rewrites serve another URL in place; anything but a path or an http(s) URL cannot be served.
  refine: (value, at, report) => {
    if (!/^(\/|https?:\/\/)/.test(value.destination as string)) mismatch(report, `${at}.destination`, "a path starting with '/' or an http(s) URL", value.destination);
  },
});

const headerEntry = object({ key: string, value: string }, '`{ key, value }`', { required: ['key', 'value'] });
const headerChecks: Record<keyof HeaderRule, Check> = { ...ruleBase, headers: arrayOf(headerEntry, 'headers') };
const header = object(headerChecks, 'a header rule `{ source, headers }`', {
  required: ['source', 'headers'],
  nextOnly: NEXT_ONLY_RULE_OPTIONS,
});

export const redirectsSchema = arrayOf(redirect, 'redirect rules');
export const headersSchema = arrayOf(header, 'header rules');

const rewriteList = arrayOf(rewrite, 'rewrite rules');
const rewritePhases = object({ beforeFiles: rewriteList, afterFiles: rewriteList, fallback: rewriteList }, 'an object');

export const rewritesSchema: Check = (value: unknown, at: string, report: Report) => {
  if (Array.isArray(value)) return rewriteList(value, at, report);
  if (isPlainObject(value)) return rewritePhases(value, at, report);
  mismatch(report, at, 'an array of rewrite rules, or `{ beforeFiles, afterFiles, fallback }` with one array each', value);
};
