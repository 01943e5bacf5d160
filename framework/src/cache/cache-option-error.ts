/** Stable code for every invalid data-cache option, so tools and tests can match on it. */
export const INVALID_CACHE_OPTION = 'NEXXO_INVALID_CACHE_OPTION';

/** The problem (which option, what it got), the rule, and the fix. */
export function invalidCacheOption(option: string, value: unknown, rule: string): Error {
  return Object.assign(new Error(`Invalid ${option}: ${show(value)}. ${rule}`), { code: INVALID_CACHE_OPTION });
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}
