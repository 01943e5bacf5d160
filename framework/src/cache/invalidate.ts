import type { CacheHandler } from '@nexxo/runtime/cache';
import { invalidCacheOption } from './cache-option-error.js';

/**
 * Marks every entry carrying any of `tags` as out of date as of `now`: the next read misses and
 * fetches again. What revalidateTag and revalidatePath (through revalidatePathTags) come down to.
 * @example
 * await invalidate(scope.handler, ['posts', ...revalidatePathTags('/blog', 'layout')], Date.now());
 */
export async function invalidate(handler: CacheHandler, tags: string[], now: number): Promise<void> {
  const bad = tags.findIndex((tag) => typeof tag !== 'string' || tag === '');
  if (bad !== -1) throw invalidCacheOption(`tag ${bad}`, tags[bad], 'Tags to revalidate must be non-empty strings, e.g. revalidateTag(\'posts\').');
  if (tags.length > 0) await handler.invalidateTags([...new Set(tags)], now);
}
