import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where an app's `mdx-components` file may be, relative to its root, in the order Next.js looks:
 * `src/` first, then the root.
 */
export const MDX_COMPONENTS_FILES: readonly string[] = ['src', '.'].flatMap((dir) => ['tsx', 'ts', 'jsx', 'js'].map((extension) => join(dir, `mdx-components.${extension}`)));

/**
 * The app's `mdx-components` file, whose `useMDXComponents()` gives every MDX file its components
 * (Next.js requires it; Nexxo renders MDX with its plain elements without one). Null without one.
 */
export function findMdxComponents(root: string): string | null {
  for (const file of MDX_COMPONENTS_FILES) if (existsSync(join(root, file))) return join(root, file);
  return null;
}

/** Whether a changed path may add, edit or remove the `mdx-components` file (for `nexxo dev`). */
export function isMdxComponentsPath(root: string, path: string): boolean {
  return MDX_COMPONENTS_FILES.some((file) => join(root, file) === path);
}
