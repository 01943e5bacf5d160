import { PersistentCache } from '@nexxo/compiler/persistent-cache';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

/** Where `nexxo dev` keeps what it compiled, across restarts. `nexxo dev --force` deletes it. */
export function devCacheDir(root: string): string {
  return join(root, 'node_modules', '.cache', 'nexxo');
}

/**
 * The dev server's persistent cache, opening in its worker thread from now on: `nexxo dev` calls
 * this before it listens, so the cache is open by the time the first request needs it. With
 * `force`, what the cache held is deleted first.
 */
export function openDevCacheStore(root: string, force: boolean): PersistentCache {
  if (force) rmSync(devCacheDir(root), { recursive: true, force: true });
  return new PersistentCache(join(devCacheDir(root), 'db'));
}
