import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// The store's worker runs compiled JavaScript: test the build (`npm test` builds first).
import { PersistentCache } from '../../dist/cache/persistent-cache.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nexxo-persistent-cache-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('PersistentCache', () => {
  it('keeps JSON values across instances', async () => {
    const dir = join(tempDir(), 'db');
    const first = new PersistentCache(dir);
    expect(await first.get('missing')).toBeUndefined();
    await first.put('record', { routes: ['/'], nested: { count: 2 } });
    expect(await first.get('record')).toEqual({ routes: ['/'], nested: { count: 2 } });
    await first.close();
    const second = new PersistentCache(dir);
    expect(await second.get('record')).toEqual({ routes: ['/'], nested: { count: 2 } });
    await second.close();
  });

  it('runs without the cache, with one warning, when another instance holds it', async () => {
    const dir = join(tempDir(), 'db');
    const holder = new PersistentCache(dir);
    await holder.put('key', 1);
    const warnings: string[] = [];
    const second = new PersistentCache(dir, { warn: (message) => warnings.push(message) });
    expect(await second.get('key')).toBeUndefined();
    await second.put('key', 2);
    expect(await second.get('key')).toBeUndefined();
    await second.close();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/is in use by another process; running without it/);
    expect(await holder.get('key')).toBe(1);
    await holder.close();
  });

  it('warns once and starts over when the folder is not a database', async () => {
    const dir = join(tempDir(), 'db');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'CURRENT'), 'garbage\n');
    writeFileSync(join(dir, 'MANIFEST-000001'), 'not a manifest');
    const warnings: string[] = [];
    const cache = new PersistentCache(dir, { warn: (message) => warnings.push(message) });
    await cache.put('key', 'value');
    expect(await cache.get('key')).toBe('value');
    await cache.close();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/could not be opened .*rebuilding it/);
  });

  it('answers nothing after close', async () => {
    const cache = new PersistentCache(join(tempDir(), 'db'));
    await cache.put('key', 'value');
    await cache.close();
    expect(await cache.get('key')).toBeUndefined();
    await cache.put('key', 'again');
  });

  it('does not keep the process alive, unused or once its requests are answered', () => {
    const module = new URL('../../dist/cache/persistent-cache.js', import.meta.url).href;
    const run = (use: string) => {
      const script = `const { PersistentCache } = await import(${JSON.stringify(module)}); const cache = new PersistentCache(${JSON.stringify(join(tempDir(), 'db'))}); ${use}`;
      return spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 10_000 });
    };
    expect(run('').signal).toBeNull();
    const used = run(`await cache.put('key', 1); console.log(await cache.get('key'));`);
    expect(used.signal).toBeNull();
    expect(used.stdout.trim()).toBe('1');
  });
});
