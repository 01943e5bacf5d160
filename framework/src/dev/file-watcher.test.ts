import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchFiles } from './file-watcher.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function collect(root: string) {
  const seen: string[] = [];
  const watcher = watchFiles(root, (paths) => seen.push(...paths), 10);
  const waitFor = async (path: string) => {
    for (let tries = 0; tries < 100 && !seen.includes(path); tries++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toContain(path);
    seen.length = 0;
  };
  return { watcher, waitFor };
}

describe('watchFiles', () => {
  it('keeps reporting a file that is replaced by renaming over it, again and again', async () => {
    const root = mkdtempSync(join(tmpdir(), 'nexxo-watch-'));
    roots.push(root);
    mkdirSync(join(root, 'app'));
    const file = join(root, 'app', 'page.tsx');
    writeFileSync(file, 'v0');
    const { watcher, waitFor } = collect(root);
    try {
      for (const version of ['v1', 'v2', 'v3']) {
        writeFileSync(file + '.tmp', version);
        renameSync(file + '.tmp', file);
        await waitFor(file);
      }
      writeFileSync(file, 'v4');
      await waitFor(file);
    } finally {
      watcher.close();
    }
  });

  it('reports files in a folder created while watching, and ignores node_modules', async () => {
    const root = mkdtempSync(join(tmpdir(), 'nexxo-watch-'));
    roots.push(root);
    const { watcher, waitFor } = collect(root);
    try {
      mkdirSync(join(root, 'app', 'added'), { recursive: true });
      await new Promise((resolve) => setTimeout(resolve, 50));
      writeFileSync(join(root, 'app', 'added', 'page.tsx'), 'x');
      await waitFor(join(root, 'app', 'added', 'page.tsx'));
    } finally {
      watcher.close();
    }
  });
});
