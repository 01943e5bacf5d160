import { readdir, readFile } from 'node:fs/promises';
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
 */
export async function findActionFiles(root: string, skip: string[] = []): Promise<string[]> {
  const skipped = new Set(skip);
  const found: string[] = [];
  async function visit(dir: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    await Promise.all(
      entries.map(async (entry) => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name.startsWith('.') || SKIPPED.has(entry.name) || skipped.has(path)) return;
          await visit(path);
        } else if (entry.isFile() && scriptFilePattern.test(entry.name) && !entry.name.endsWith('.d.ts') && !TEST_FILE.test(entry.name)) {
          const code = await readFile(path, 'utf8').catch(() => '');
          if (DIRECTIVE.test(code)) found.push(path);
        }
      }),
    );
  }
  await visit(root);
  return found.sort();
}
