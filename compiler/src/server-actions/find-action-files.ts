import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
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
  const skipped = new Set(skip);
  const found: string[] = [];
  const visit = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED.has(entry.name) && !skipped.has(path)) visit(path);
      } else if (entry.isFile() && scriptFilePattern.test(entry.name) && !entry.name.endsWith('.d.ts') && !TEST_FILE.test(entry.name) && mayDefineActions(path)) {
        found.push(path);
      }
    }
  };
  visit(root);
  return found.sort();
}

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
