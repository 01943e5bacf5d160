import { createMemoryCacheHandler, type CacheHandler } from '@nexxo/runtime/cache';
import type { ClassicLevel } from 'classic-level';
import { rm } from 'node:fs/promises';

/** The database as the data cache uses it: string keys, JSON text values. */
export type LevelDb = ClassicLevel<string, string>;

type Backend = { kind: 'level'; db: LevelDb } | { kind: 'memory'; handler: CacheHandler } | { kind: 'closed' };

export interface LevelStore {
  /**
   * Runs `onLevel` against the database, or `onMemory` against the in-memory stand-in when the
   * database could not be used. A failing database operation answers `failed` and starts the store
   * over, so a broken disk never reaches the caller as an exception.
   */
  use<T>(onLevel: (db: LevelDb) => Promise<T>, onMemory: (handler: CacheHandler) => Promise<T>, failed: T): Promise<T>;
  close(): Promise<void>;
}

/**
 * Opens `dir` with classic-level on first use (never at start-up). A directory locked by another
 * handle, a missing native binary or a store that stays broken make it an in-memory cache; a
 * corrupt store is deleted and recreated empty. Each of those warns once.
 */
export function openLevelStore(dir: string, warn: (message: string) => void): LevelStore {
  let backend: Promise<Backend> | undefined;
  let closed = false;
  let startedOver = false;

  const inMemory = (): Backend => ({ kind: 'memory', handler: createMemoryCacheHandler() });

  let Level: typeof ClassicLevel | undefined;

  async function open(): Promise<Backend> {
    try {
      ({ ClassicLevel: Level } = await import('classic-level'));
    } catch (error) {
      warn(
        `[nexxo] Could not load classic-level, which keeps the data cache on disk (${describe(error)}); using an in-memory cache.\n` +
          `  Fix: reinstall dependencies so npm fetches classic-level's binary for ${process.platform}-${process.arch}.`,
      );
      return inMemory();
    }
    try {
      return await openDb();
    } catch (error) {
      if ((error as { cause?: { code?: string } }).cause?.code === 'LEVEL_LOCKED') {
        warn(
          `[nexxo] The data cache at ${dir} is in use by another server; this one uses an in-memory cache, so its cached data is not shared or kept across restarts.\n` +
            `  Fix: stop the other server, or give each server its own cache directory.`,
        );
        return inMemory();
      }
      // Anything else means the folder is not a usable database (corrupt, half-written): start it over.
      warn(`[nexxo] The data cache at ${dir} could not be opened (${describe(error)}); starting it over empty.`);
      return startOver();
    }
  }

  async function openDb(): Promise<Backend> {
    const LevelClass = Level as typeof ClassicLevel; // set by open() before any call
    const db = new LevelClass<string, string>(dir, { valueEncoding: 'utf8' });
    await db.open();
    return { kind: 'level', db };
  }

  async function startOver(): Promise<Backend> {
    startedOver = true;
    try {
      await rm(dir, { recursive: true, force: true });
      return await openDb();
    } catch {
      // Already warned: the one message says the cache starts empty, which an in-memory one does.
      return inMemory();
    }
  }

  /** A database operation failed: corruption found while reading, or the disk went away. */
  async function recover(db: LevelDb, error: unknown): Promise<Backend> {
    await db.close().catch(() => {});
    if (startedOver) {
      warn(`[nexxo] The data cache at ${dir} failed again (${describe(error)}); using an in-memory cache until the server restarts.`);
      return inMemory();
    }
    warn(`[nexxo] The data cache at ${dir} failed (${describe(error)}); starting it over empty.`);
    return startOver();
  }

  return {
    async use(onLevel, onMemory, failed) {
      if (closed) return failed;
      const current = (backend ??= open());
      const resolved = await current;
      if (resolved.kind === 'memory') return onMemory(resolved.handler);
      if (resolved.kind === 'closed') return failed;
      try {
        return await onLevel(resolved.db);
      } catch (error) {
        // Only the first of many concurrent failures starts the store over; the rest see the new one.
        if (!closed && backend === current) backend = recover(resolved.db, error);
        return failed;
      }
    },
    async close() {
      closed = true;
      const resolved = await backend;
      backend = Promise.resolve({ kind: 'closed' });
      if (resolved?.kind === 'level') await resolved.db.close().catch(() => {});
    },
  };
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { message?: string } }).cause?.message;
  return cause ?? (error as Error).message ?? String(error);
}
