import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Folders that hold no source of the project's own: dependencies, build output, VCS, static files. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.next', '.nexxo', '.git', 'public', '.vercel', '.turbo', 'out', 'coverage']);
const SOURCE_EXTENSIONS = /\.(tsx?|jsx?|mjs)$/;
/** Tool configs at the root (next.config.js, tailwind.config.ts, .eslintrc.js…) and type declarations are not app code. */
const NOT_APP_CODE = /^([^/]+\.config\.[cm]?[jt]s|\.[^/]+rc\.[cm]?js)$|\.d\.ts$/;

/** Every file of the project, relative with `/`, outside the folders that hold no source of its own. */
export async function listProjectFiles(root: string): Promise<string[]> {
  const files: string[] = [];
  const visit = async (folder: string, prefix: string) => {
    const entries = await readdir(folder, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) await visit(join(folder, entry.name), `${prefix}${entry.name}/`);
      } else if (entry.isFile()) {
        files.push(`${prefix}${entry.name}`);
      }
    }
  };
  await visit(root, '');
  return files;
}

/** The files the source codemods read: app code in JS or TS, not configs or declarations. */
export function isSourceFile(file: string): boolean {
  return SOURCE_EXTENSIONS.test(file) && !NOT_APP_CODE.test(file);
}

/** Files that make a Pages Router route (pages/ or src/pages/), which Nexxo does not serve. */
export function isPagesRouterFile(file: string): boolean {
  return /^(src\/)?pages\/.+\.(tsx?|jsx?|mdx?)$/.test(file);
}

export function hasAppRouter(files: string[]): boolean {
  return files.some((file) => /^(src\/)?app\//.test(file));
}
