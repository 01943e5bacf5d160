import { loadClassicLevel } from '@nexxo/native';
import { rmSync } from 'node:fs';

/**
 * A key-value store that survives restarts (LevelDB through classic-level). It is opened on first
 * use, so it never delays start-up, and it never fails the caller: a cache that is locked by
 * another process or corrupt turns into no cache, with one warning.
 */
export class PersistentCache {
  readonly #dir: string;
  readonly #warn: (message: string) => void;
  #db: Promise<Db | null> | undefined;

  constructor(dir: string, options: { warn?: (message: string) => void } = {}) {
    this.#dir = dir;
    this.#warn = options.warn ?? ((message) => console.warn(message));
  }

  async get<T>(key: string): Promise<T | undefined> {
    const db = await this.#open();
    if (!db) return undefined;
    try {
      return (await db.get(key)) as T | undefined;
    } catch (error) {
      this.#disable(`could not read the cache (${(error as Error).message})`);
      return undefined;
    }
  }

  async put(key: string, value: unknown): Promise<void> {
    const db = await this.#open();
    if (!db) return;
    try {
      await db.put(key, value);
    } catch (error) {
      this.#disable(`could not write the cache (${(error as Error).message})`);
    }
  }

  async close(): Promise<void> {
    const db = await this.#db;
    this.#db = Promise.resolve(null);
    await db?.close().catch(() => {});
  }

  #open(): Promise<Db | null> {
    this.#db ??= this.#openDb();
    return this.#db;
  }

  async #openDb(): Promise<Db | null> {
    const { ClassicLevel } = await loadClassicLevel();
    const open = async () => {
      const db = new ClassicLevel<string, unknown>(this.#dir, { valueEncoding: 'json' });
      await db.open();
      return db as unknown as Db;
    };
    try {
      return await open();
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code;
      if (code === 'LEVEL_LOCKED') {
        this.#warn(`[nexxo] The persistent cache at ${this.#dir} is in use by another process; running without it.`);
        return null;
      }
      // Anything else means the folder is not a usable database: start it over.
      this.#warn(`[nexxo] The persistent cache at ${this.#dir} could not be opened (${(error as Error).message}); rebuilding it.`);
      try {
        rmSync(this.#dir, { recursive: true, force: true });
        return await open();
      } catch {
        return null;
      }
    }
  }

  #disable(reason: string): void {
    this.#warn(`[nexxo] Persistent cache disabled: ${reason}.`);
    this.#db = Promise.resolve(null);
  }
}

interface Db {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
  close(): Promise<void>;
}
