import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import { scriptFilePattern } from '../client-reference-id.js';

/** Folders that never hold the app's own server actions. */
const SKIPPED = new Set(['node_modules', 'public', 'dist', 'out', 'build', 'coverage']);
/** "use server" as the first statement of the module or of a function body, not just anywhere in the text. */
const DIRECTIVE = /(?:^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*|\{\s*)(['"])use server\1/;
const TEST_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$/;

/**
 * The app's files that may define server actions ("use server" at the top or inside a function).
 * The rsc build needs them all up front: an action imported only by a client component is not
 * in the server's import graph, yet the server must be able to load it when the browser calls it.
 * A text test, so a false positive only costs a module load; the transform decides for real.
 * Files unchanged since the last call (same size and modification time) are not read again: a dev
 * rebuild of the rsc environment calls this each time. Synchronous: a few hundred `stat` calls take
 * ~2 ms, several times less than through the thread pool.
 */
export function findActionFiles(root: string, skip: string[] = []): string[] {
  const found: string[] = [];
  collect(root, new Set(skip), found);
  return found.sort();
}

/**
 * findActionFiles for a dev server, whose file watcher reports every change: the first `files()`
 * walks the app, later ones re-check only the paths invalidated since (an edited, added or deleted
 * file or folder). A server edit on a 1,000-route app spent ~20 ms walking it again.
 */
export class ActionFileIndex {
  readonly #root: string;
  readonly #skipped: Set<string>;
  #files: Set<string> | null = null;
  readonly #changed = new Set<string>();

  constructor(root: string, skip: string[] = []) {
    this.#root = root;
    this.#skipped = new Set(skip);
  }

  /** Files or folders that changed (as the watcher reports them): the next `files()` looks at them again. */
  invalidate(paths: Iterable<string>): void {
    if (this.#files) for (const path of paths) this.#changed.add(path);
  }

  files(): string[] {
    if (!this.#files) this.#files = new Set(findActionFiles(this.#root, [...this.#skipped]));
    for (const path of this.#changed) this.#update(path);
    this.#changed.clear();
    return [...this.#files].sort();
  }

  #update(path: string): void {
    if (!this.#walked(path)) return;
    for (const file of this.#files!) if (file === path || file.startsWith(path + sep)) this.#files!.delete(file);
    // lstat: the walk does not follow links either.
    const stats = lstatSync(path, { throwIfNoEntry: false });
    const found: string[] = [];
    if (stats?.isDirectory()) {
      if (walkable(basename(path))) collect(path, this.#skipped, found);
    }
    else if (stats?.isFile() && isCandidate(basename(path)) && mayDefineActions(path)) found.push(path);
    for (const file of found) this.#files!.add(file);
  }

  /** Whether findActionFiles looks at this path: inside the app, in no skipped folder. */
  #walked(path: string): boolean {
    const parts = relative(this.#root, path).split(sep);
    if (parts[0] === '..' || parts[0] === '' || isAbsolute(parts[0]!)) return false;
    let dir = this.#root;
    for (const part of parts.slice(0, -1)) {
      dir = join(dir, part);
      if (!walkable(part) || this.#skipped.has(dir)) return false;
    }
    return !this.#skipped.has(path);
  }
}

function collect(dir: string, skipped: Set<string>, found: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (walkable(entry.name) && !skipped.has(path)) collect(path, skipped, found);
    } else if (entry.isFile() && isCandidate(entry.name) && mayDefineActions(path)) {
      found.push(path);
    }
  }
}

const walkable = (folder: string) => !folder.startsWith('.') && !SKIPPED.has(folder);
const isCandidate = (name: string) => scriptFilePattern.test(name) && !name.endsWith('.d.ts') && !TEST_FILE.test(name);

const seen = new Map<string, { version: string; actions: boolean }>();

function mayDefineActions(path: string): boolean {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return false;
  const version = `${stats.size}:${stats.mtimeMs}`;
  const known = seen.get(path);
  if (known?.version === version) return known.actions;
  let code = '';
  try {
    code = readFileSync(path, 'utf8');
  } catch {}
  const actions = DIRECTIVE.test(code);
  seen.set(path, { version, actions });
  return actions;
}
