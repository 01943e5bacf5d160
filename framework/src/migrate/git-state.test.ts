import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gitState, untrackedOf } from './git-state.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function repo(): string {
  const root = mkdtempSync(join(tmpdir(), 'nexxo-git-'));
  roots.push(root);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: root, stdio: 'ignore' });
  writeFileSync(join(root, '.gitignore'), 'ignored/\nnext-env.d.ts\n');
  writeFileSync(join(root, 'package.json'), '{}');
  mkdirSync(join(root, 'ignored/app'), { recursive: true });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'init');
  return root;
}

describe('gitState', () => {
  it('tells a clean tree from one with changes or untracked files', () => {
    const root = repo();
    expect(gitState(root)).toEqual({ kind: 'clean' });
    writeFileSync(join(root, 'new.ts'), '');
    expect(gitState(root)).toEqual({ kind: 'dirty', files: ['new.ts'] });
  });

  it('treats a folder outside git, or one git ignores, as having no undo', () => {
    const outside = mkdtempSync(join(tmpdir(), 'nexxo-nogit-'));
    roots.push(outside);
    expect(gitState(outside)).toEqual({ kind: 'none' });
    expect(gitState(join(repo(), 'ignored/app'))).toEqual({ kind: 'none' });
  });

  it('lists the files git does not track', () => {
    const root = repo();
    writeFileSync(join(root, 'next-env.d.ts'), '');
    expect(untrackedOf(root, ['package.json', 'next-env.d.ts'])).toEqual(['next-env.d.ts']);
  });
});
