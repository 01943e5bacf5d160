import { closestName } from './closest-name.js';

/**
 * Small building blocks for describing the config's shape as data. A check reports every problem it
 * finds instead of stopping at the first, so one run shows the user all they need to fix.
 */
export interface Report {
  /** The config file's name, for messages. */
  file: string;
  problems: string[];
}

/** Checks `value`, found at `at` (`images.deviceSizes[2]`), and adds any problems to `report`. */
export type Check = (value: unknown, at: string, report: Report) => void;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as a sentence fragment: `the string "abc"`, `an array`, `a function`. */
export function describeValue(value: unknown): string {
  if (value === null) return '`null`';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof URL) return `the URL ${value.href}`;
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
  if (typeof value === 'number' || typeof value === 'bigint') return `the number ${value}`;
  if (typeof value === 'boolean' || value === undefined) return `\`${value}\``;
  return typeof value === 'function' ? 'a function' : typeof value === 'symbol' ? 'a symbol' : 'an object';
}

export function mismatch(report: Report, at: string, what: string, value: unknown, hint = ''): void {
  report.problems.push(`\`${at}\` in ${report.file} must be ${what}, but it is ${describeValue(value)}.${hint}`);
}

/** A check from a test and what it expects, in words for the message. */
export function is(what: string, test: (value: unknown) => boolean): Check {
  return (value, at, report) => {
    if (!test(value)) mismatch(report, at, what, value);
  };
}

export const string = is('a string', (value) => typeof value === 'string');
export const boolean = is('`true` or `false`', (value) => typeof value === 'boolean');
export const func = is('a function', (value) => typeof value === 'function');

export function integer(min: number, max = Number.MAX_SAFE_INTEGER): Check {
  const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `from ${min} to ${max}`;
  return is(`a whole number ${range}`, (value) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max);
}

export function oneOf(values: readonly (string | number | boolean)[]): Check {
  const list = values.map((value) => (typeof value === 'string' ? `'${value}'` : String(value)));
  const what = list.length === 1 ? list[0]! : `one of ${list.join(', ')}`;
  return is(what, (value) => values.includes(value as string));
}

/** Runs checks in order and stops at the first that fails, so a wrong type is reported once. */
export function all(...checks: Check[]): Check {
  return (value, at, report) => {
    const before = report.problems.length;
    for (const check of checks) {
      check(value, at, report);
      if (report.problems.length > before) return;
    }
  };
}

export function arrayOf(item: Check, what: string, limits: { min?: number; max?: number } = {}): Check {
  return (value, at, report) => {
    if (!Array.isArray(value)) return mismatch(report, at, `an array of ${what}`, value);
    if (limits.min !== undefined && value.length < limits.min) report.problems.push(`\`${at}\` in ${report.file} needs at least ${limits.min} ${what}, but it is empty.`);
    if (limits.max !== undefined && value.length > limits.max) report.problems.push(`\`${at}\` in ${report.file} has ${value.length} entries; at most ${limits.max} are allowed.`);
    value.forEach((entry, index) => item(entry, `${at}[${index}]`, report));
  };
}

export function recordOf(entry: Check, what: string): Check {
  return (value, at, report) => {
    if (!isPlainObject(value)) return mismatch(report, at, `an object of ${what}`, value);
    for (const [key, child] of Object.entries(value)) entry(child, `${at}.${key}`, report);
  };
}

export interface ObjectOptions {
  required?: string[];
  /** Next.js options Nexxo does not take, each with what to tell the user (after "`key` in file "). */
  nextOnly?: Readonly<Record<string, string>>;
  /** Rules between keys, run once every key has the right type. */
  refine?: (value: Record<string, unknown>, at: string, report: Report) => void;
}

/** An object whose keys are all in `shape`; `undefined` values count as absent. */
export function object(shape: Readonly<Record<string, Check>>, what: string, options: ObjectOptions = {}): Check {
  const known = Object.keys(shape);
  return (value, at, report) => {
    if (!isPlainObject(value) || value instanceof URL) return mismatch(report, at, what, value);
    const before = report.problems.length;
    const inside = at ? ` in \`${at}\`` : '';
    for (const [key, child] of Object.entries(value)) {
      const path = at ? `${at}.${key}` : key;
      const check = Object.hasOwn(shape, key) ? shape[key] : undefined;
      if (check) {
        if (child !== undefined) check(child, path, report);
      } else if (options.nextOnly && Object.hasOwn(options.nextOnly, key)) {
        report.problems.push(`\`${path}\` in ${report.file} ${options.nextOnly[key]}.`);
      } else {
        const suggestion = closestName(key, known);
        const help = suggestion ? `Did you mean \`${suggestion}\`?` : `Valid options${inside}: ${known.map((name) => `\`${name}\``).join(', ')}.`;
        report.problems.push(`Unknown option \`${key}\`${inside} in ${report.file}. ${help}`);
      }
    }
    for (const key of options.required ?? []) {
      if (value[key] === undefined) report.problems.push(`\`${at}\` in ${report.file} has no \`${key}\`, which is required.`);
    }
    if (options.refine && report.problems.length === before) options.refine(value, at, report);
  };
}
