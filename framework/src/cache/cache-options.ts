import { invalidCacheOption } from './cache-option-error.js';

/** Next.js's limits: tags travel in headers and storage keys, so they stay few and short. */
export const MAX_TAGS = 128;
export const MAX_TAG_LENGTH = 256;

/**
 * A `revalidate` option: seconds (0 allowed only where it means "never cache"), `false` for "until
 * invalidated", or undefined when not given.
 */
export function checkRevalidate(value: unknown, option: string, { allowZero }: { allowZero: boolean }): number | false | undefined {
  if (value === undefined || value === false) return value;
  if (typeof value === 'number' && Number.isFinite(value) && (value > 0 || (allowZero && value === 0))) return value;
  const zero = allowZero ? '0 (never cache), ' : '';
  throw invalidCacheOption(option, value, `It must be false (cache until invalidated), ${zero}or a positive number of seconds, e.g. { revalidate: 60 }.`);
}

/** A `tags` option: at most MAX_TAGS strings of at most MAX_TAG_LENGTH characters; [] when not given. */
export function checkTags(value: unknown, option: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw invalidCacheOption(option, value, `It must be an array of strings, e.g. { tags: ['posts'] }.`);
  const bad = value.findIndex((tag) => typeof tag !== 'string');
  if (bad !== -1) throw invalidCacheOption(`${option}[${bad}]`, value[bad], `Every tag must be a string, e.g. { tags: ['posts', \`post-\${id}\`] }.`);
  if (value.length > MAX_TAGS) throw invalidCacheOption(option, value, `At most ${MAX_TAGS} tags are allowed; use a broader tag shared by these entries instead.`);
  const long = (value as string[]).find((tag) => tag.length > MAX_TAG_LENGTH);
  if (long !== undefined) throw invalidCacheOption(option, long, `A tag may be at most ${MAX_TAG_LENGTH} characters; use a shorter id (a slug or a hash) in the tag.`);
  return [...new Set(value as string[])];
}
