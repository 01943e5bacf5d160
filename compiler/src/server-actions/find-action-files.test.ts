import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActionFileIndex, findActionFiles } from './find-action-files.js';

let root: string;
const write = (path: string, code: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), code);
};
const relativeAll = (files: string[]) => files.map((file) => file.slice(root.length + 1));

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'nexxo-action-files-'));
  write('app/actions.ts', "'use server';\nexport async function save() {}\n");
  write('app/page.tsx', 'export default function Page() { async function inline() { "use server"; } return null; }\n');
  write('app/plain.ts', "export const text = 'use server';\n");
  write('app/actions.test.ts', "'use server';\n");
  write('node_modules/lib/index.js', "'use server';\n");
  write('.hidden/actions.ts', "'use server';\n");
  write('out-dir/actions.js', "'use server';\n");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('findActionFiles', () => {
  it('lists the app files with a "use server" directive, at the top or in a function, outside skipped folders', () => {
    expect(relativeAll(findActionFiles(root, [join(root, 'out-dir')]))).toEqual(['app/actions.ts', 'app/page.tsx']);
  });
});

describe('ActionFileIndex', () => {
  it('lists what findActionFiles lists, and after a change re-checks only the paths it was told about', () => {
    const index = new ActionFileIndex(root, [join(root, 'out-dir')]);
    expect(relativeAll(index.files())).toEqual(['app/actions.ts', 'app/page.tsx']);
    write('app/plain.ts', "'use server';\nexport async function now() {}\n");
    write('app/other.ts', "'use server';\nexport async function later() {}\n");
    // Not told about app/other.ts: the watcher reports every change, so nothing else is read.
    index.invalidate([join(root, 'app/plain.ts')]);
    expect(relativeAll(index.files())).toEqual(['app/actions.ts', 'app/page.tsx', 'app/plain.ts']);
    index.invalidate([join(root, 'app/other.ts')]);
    expect(relativeAll(index.files())).toEqual(['app/actions.ts', 'app/other.ts', 'app/page.tsx', 'app/plain.ts']);
  });

  it('drops a file that lost its directive or was deleted, and a deleted folder', () => {
    write('app/admin/actions.ts', "'use server';\n");
    const index = new ActionFileIndex(root, [join(root, 'out-dir')]);
    expect(relativeAll(index.files())).toContain('app/admin/actions.ts');
    write('app/actions.ts', 'export async function save() { return 1; }\n');
    rmSync(join(root, 'app/page.tsx'));
    rmSync(join(root, 'app/admin'), { recursive: true });
    index.invalidate([join(root, 'app/actions.ts'), join(root, 'app/page.tsx'), join(root, 'app/admin')]);
    expect(relativeAll(index.files())).toEqual([]);
  });

  it('walks a new folder, and ignores changes in folders findActionFiles skips', () => {
    const index = new ActionFileIndex(root, [join(root, 'out-dir')]);
    index.files();
    write('app/new/deep/actions.ts', "'use server';\n");
    write('node_modules/other/index.js', "'use server';\n");
    write('out-dir/more.js', "'use server';\n");
    write('app/.cache/actions.ts', "'use server';\n");
    index.invalidate([join(root, 'app/new'), join(root, 'node_modules/other/index.js'), join(root, 'out-dir/more.js'), join(root, 'app/.cache'), join(root, 'app/.cache/actions.ts')]);
    expect(relativeAll(index.files())).toEqual(['app/actions.ts', 'app/new/deep/actions.ts', 'app/page.tsx']);
  });
});
