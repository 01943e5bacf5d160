import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { structuredPatch } from 'diff';

/** A file's text before and after the migration; null means it does not exist. */
export interface FileEdit {
  before: string | null;
  after: string | null;
}

/**
 * The file edits a migration would make, keyed by path relative to the project (with `/`).
 * `--dry-run` prints them as a diff, a real run writes them: one plan, so the two never disagree.
 */
export class MigrationPlan {
  private readonly edits = new Map<string, FileEdit>();

  /** Records new text for an existing file; no edit when it is unchanged. */
  change(file: string, before: string, after: string): void {
    if (before !== after) this.edits.set(file, { before, after });
  }

  create(file: string, content: string): void {
    this.edits.set(file, { before: null, after: content });
  }

  remove(file: string, before: string): void {
    this.edits.set(file, { before, after: null });
  }

  has(file: string): boolean {
    return this.edits.has(file);
  }

  get files(): string[] {
    return [...this.edits.keys()].sort();
  }

  get(file: string): FileEdit | undefined {
    return this.edits.get(file);
  }

  /** A unified diff of every edit with git-style headers, paths relative to the project. */
  diff(): string {
    return this.files.map((file) => fileDiff(file, this.edits.get(file)!)).join('');
  }

  /** Applies the edits under `root`: new and changed files first, deletions last. */
  async write(root: string): Promise<void> {
    const entries = this.files.map((file) => [file, this.edits.get(file)!] as const);
    for (const [file, edit] of entries) {
      if (edit.after === null) continue;
      const path = join(root, file);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, edit.after);
    }
    for (const [file, edit] of entries) if (edit.after === null) await rm(join(root, file), { force: true });
  }
}

function fileDiff(file: string, edit: FileEdit): string {
  const header = [`diff --git a/${file} b/${file}`];
  if (edit.before === null) header.push('new file mode 100644');
  if (edit.after === null) header.push('deleted file mode 100644');
  header.push(`--- ${edit.before === null ? '/dev/null' : `a/${file}`}`, `+++ ${edit.after === null ? '/dev/null' : `b/${file}`}`);
  const patch = structuredPatch(file, file, edit.before ?? '', edit.after ?? '', undefined, undefined, { context: 3 });
  const hunks = patch.hunks.map((hunk) => {
    // Git writes an empty side's start as 0 and leaves out a count of 1.
    const range = (start: number, count: number) => `${count === 0 ? Math.max(0, start - 1) : start}${count === 1 ? '' : `,${count}`}`;
    return [`@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@`, ...hunk.lines].join('\n');
  });
  return `${[...header, ...hunks].join('\n')}\n`;
}
