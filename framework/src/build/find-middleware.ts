import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { NexxoBuildError, formatDiagnostic } from '@nexxo/compiler/errors';

const NAMES = ['middleware', 'proxy'] as const;
const EXTENSIONS = ['.ts', '.js', '.mts', '.mjs', '.tsx', '.jsx'];

/**
 * The app's middleware file: `middleware.ts`, or `proxy.ts` (Next.js 16's name), beside `app/`
 * (in `src/` when the app uses `src/app`). Null without one; both at once is an error.
 */
export function findMiddleware(root: string, appDir: string): string | null {
  const dir = dirname(appDir);
  const found = NAMES.flatMap((name) => EXTENSIONS.map((extension) => join(dir, name + extension))).filter((file) => existsSync(file));
  if (found.length > 1) {
    const display = found.map((file) => relative(root, file).split(sep).join('/'));
    throw new NexxoBuildError(
      'NEXXO_DUPLICATE_MIDDLEWARE',
      formatDiagnostic(display[1]!, `${display[0]} is also a middleware file, and an app has one middleware.`, 'keep one of them: proxy.ts is Next.js 16\'s name for middleware.ts, with the same exports.'),
      { file: found[1]! },
    );
  }
  return found[0] ?? null;
}

/** Source of `virtual:nexxo/middleware`. */
export function middlewareModuleSource(root: string, file: string | null): string {
  if (!file) return 'export const middlewareModule = null;\nexport const middlewareFile = null;\n';
  return `import * as middlewareModule from ${JSON.stringify(file)};\nexport { middlewareModule };\nexport const middlewareFile = ${JSON.stringify(relative(root, file).split(sep).join('/'))};\n`;
}

/** Whether a changed path may add, edit or remove the middleware file (for `nexxo dev`). */
export function isMiddlewarePath(appDir: string, path: string): boolean {
  if (dirname(path) !== dirname(appDir)) return false;
  const base = path.slice(dirname(appDir).length + 1);
  return NAMES.some((name) => EXTENSIONS.some((extension) => base === name + extension));
}
