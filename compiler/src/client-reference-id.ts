import { createHash } from 'node:crypto';
import { relative, sep } from 'node:path';

/**
 * The id a client reference travels under in the RSC payload. Derived from the path relative to
 * the app root, so it is the same in the rsc, ssr and client builds and across machines.
 */
export function clientReferenceId(root: string, file: string): string {
  const path = relative(root, file).split(sep).join('/');
  return createHash('sha256').update(path).digest('base64url').slice(0, 12);
}

/** Matches the files Rolldown parses as JavaScript or TypeScript. */
export const scriptFilePattern = /\.(?:[cm]?[jt]sx?)$/;

export function langOf(file: string): 'js' | 'jsx' | 'ts' | 'tsx' {
  if (/\.[cm]?tsx$/.test(file) || file.endsWith('.tsx')) return 'tsx';
  if (/\.[cm]?ts$/.test(file)) return 'ts';
  if (file.endsWith('.jsx')) return 'jsx';
  // .js files in React apps often contain JSX; parsing them as JSX is a superset that is safe.
  return 'jsx';
}
