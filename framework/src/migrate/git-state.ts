import { execFileSync } from 'node:child_process';

/** Whether the project's folder is under git, and what in it is not committed. */
export type GitState = { kind: 'none' } | { kind: 'clean' } | { kind: 'dirty'; files: string[] };

function git(dir: string, args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

/** Changed, staged and untracked files under `dir` (not the rest of the repository). */
export function gitState(dir: string): GitState {
  try {
    if (git(dir, ['rev-parse', '--is-inside-work-tree']).trim() !== 'true') return { kind: 'none' };
  } catch {
    // Not a repository, or git is not installed: either way there is nothing to undo with.
    return { kind: 'none' };
  }
  if (isIgnored(dir)) return { kind: 'none' };
  const status = git(dir, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', '.']);
  const files = status
    .split('\0')
    .filter((entry) => /^.. /.test(entry))
    .map((entry) => entry.slice(3));
  return files.length === 0 ? { kind: 'clean' } : { kind: 'dirty', files };
}

/** A folder git ignores holds nothing git could restore: as good as no repository. */
function isIgnored(dir: string): boolean {
  try {
    git(dir, ['check-ignore', '-q', '.']);
    return true;
  } catch {
    return false;
  }
}

/** Of `files` (relative to `dir`), those git does not track, so `git checkout` cannot bring back. */
export function untrackedOf(dir: string, files: string[]): string[] {
  if (files.length === 0) return [];
  const tracked = new Set(git(dir, ['ls-files', '-z', '--', ...files]).split('\0').filter(Boolean));
  return files.filter((file) => !tracked.has(file));
}
