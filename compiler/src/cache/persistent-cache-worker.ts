import { loadClassicLevel } from '@nexxo/native';
import { rmSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { StoreReply, StoreRequest } from './persistent-cache.js';

// The LevelDB side of PersistentCache, in its own thread: loading classic-level and opening the
// database take some 30 ms of JavaScript that would otherwise hold up the first request of
// `nexxo dev`. Answers one request at a time, in the order they come.

interface Db {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
  close(): Promise<void>;
}

const port = parentPort!;
const { dir } = workerData as { dir: string };
const warn = (message: string) => port.postMessage({ warn: message } satisfies StoreReply);

async function openDb(): Promise<Db | null> {
  let ClassicLevel: Awaited<ReturnType<typeof loadClassicLevel>>['ClassicLevel'];
  try {
    ({ ClassicLevel } = await loadClassicLevel());
  } catch (error) {
    warn(`[nexxo] The persistent cache is off: ${(error as Error).message}`);
    return null;
  }
  const open = async () => {
    const db = new ClassicLevel<string, unknown>(dir, { valueEncoding: 'json' });
    await db.open();
    return db as unknown as Db;
  };
  try {
    return await open();
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (code === 'LEVEL_LOCKED') {
      warn(`[nexxo] The persistent cache at ${dir} is in use by another process; running without it.`);
      return null;
    }
    // Anything else means the folder is not a usable database: start it over.
    warn(`[nexxo] The persistent cache at ${dir} could not be opened (${(error as Error).message}); rebuilding it.`);
    try {
      rmSync(dir, { recursive: true, force: true });
      return await open();
    } catch {
      return null;
    }
  }
}

const db = openDb();
let queue = Promise.resolve();

port.on('message', (request: StoreRequest) => {
  queue = queue.then(async () => {
    const store = await db;
    try {
      if (request.op === 'get') port.postMessage({ id: request.id, value: store ? await store.get(request.key) : undefined } satisfies StoreReply);
      else if (request.op === 'put') {
        await store?.put(request.key, request.value);
        port.postMessage({ id: request.id } satisfies StoreReply);
      } else {
        await store?.close();
        port.postMessage({ id: request.id } satisfies StoreReply);
      }
    } catch (error) {
      port.postMessage({ id: request.id, error: (error as Error).message } satisfies StoreReply);
    }
  });
});
