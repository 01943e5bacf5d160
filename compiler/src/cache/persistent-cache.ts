import { Worker } from 'node:worker_threads';

type StoreOperation = { op: 'get'; key: string } | { op: 'put'; key: string; value: unknown } | { op: 'close' };
/** What PersistentCache asks its worker (persistent-cache-worker.ts). */
export type StoreRequest = StoreOperation & { id: number };
/** The worker's answer to a request (by id), or a warning of its own. */
export type StoreReply = { id: number; value?: unknown; error?: string } | { warn: string };

/**
 * A key-value store that survives restarts (LevelDB through classic-level). It opens in a worker
 * thread as soon as it is created, so it never delays start-up and is ready by the first request.
 * It never fails the caller: a cache that is locked by another process, corrupt, or without its
 * native binding turns into no cache, with one warning.
 * @example
 * const cache = new PersistentCache(join(root, 'node_modules/.cache/nexxo/db'));
 * await cache.put('key', { any: 'JSON' });
 * await cache.get<{ any: string }>('key');
 */
export class PersistentCache {
  readonly #warn: (message: string) => void;
  #worker: Worker | null;
  readonly #waiting = new Map<number, (reply: { value?: unknown; error?: string }) => void>();
  #nextId = 0;

  constructor(dir: string, options: { warn?: (message: string) => void } = {}) {
    this.#warn = options.warn ?? ((message) => console.warn(message));
    // None of the process's Node flags: the worker runs LevelDB only, and some flags (--input-type) fail in a worker.
    this.#worker = new Worker(new URL('./persistent-cache-worker.js', import.meta.url), { workerData: { dir }, execArgv: [] });
    this.#worker.on('message', (reply: StoreReply) => {
      if ('warn' in reply) return this.#warn(reply.warn);
      this.#waiting.get(reply.id)?.(reply);
      this.#waiting.delete(reply.id);
      if (this.#waiting.size === 0) this.#worker?.unref();
    });
    this.#worker.on('error', (error) => this.#disable(`its worker failed (${error.message})`));
    // Stopped without close() (the process is exiting, say): nothing answers any more.
    this.#worker.on('exit', () => this.#stop());
    // Held only while a request waits for it: an idle cache must not keep the process alive.
    // (After the listeners: adding a 'message' listener holds it again.)
    this.#worker.unref();
  }

  async get<T>(key: string): Promise<T | undefined> {
    const reply = await this.#request({ op: 'get', key });
    if (reply.error) this.#disable(`could not read the cache (${reply.error})`);
    return reply.value as T | undefined;
  }

  async put(key: string, value: unknown): Promise<void> {
    const reply = await this.#request({ op: 'put', key, value });
    if (reply.error) this.#disable(`could not write the cache (${reply.error})`);
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    if (!worker) return;
    await this.#request({ op: 'close' });
    this.#worker = null;
    await worker.terminate();
  }

  #request(operation: StoreOperation): Promise<{ value?: unknown; error?: string }> {
    const worker = this.#worker;
    if (!worker) return Promise.resolve({});
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#waiting.set(id, resolve);
      worker.ref();
      worker.postMessage({ ...operation, id } satisfies StoreRequest);
    });
  }

  #disable(reason: string): void {
    if (!this.#worker) return;
    this.#warn(`[nexxo] Persistent cache disabled: ${reason}.`);
    void this.#worker.terminate();
    this.#stop();
  }

  /** From now on every request answers "nothing" at once. */
  #stop(): void {
    this.#worker = null;
    for (const resolve of this.#waiting.values()) resolve({});
    this.#waiting.clear();
  }
}
