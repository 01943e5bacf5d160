import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where an error points in the user's source, with the lines around it. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
  frame: string;
}

/** Lines around `line`, numbered, with a caret under `column`. */
export function codeFrame(source: string, line: number, column: number, context = 2): string {
  const lines = source.split('\n');
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const width = String(last).length;
  const out: string[] = [];
  for (let number = first; number <= last; number++) {
    out.push(`${number === line ? '>' : ' '} ${String(number).padStart(width)} | ${lines[number - 1] ?? ''}`);
    if (number === line) out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, column - 1))}^`);
  }
  return out.join('\n');
}

/**
 * The first stack frame in the app's own files (not node_modules, not the build output), mapped
 * through source maps by Node, as a location with a code frame.
 */
export function locateInStack(error: unknown, root: string): SourceLocation | null {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  for (const match of stack.matchAll(/\(?((?:file:\/\/)?\/[^\s():]+):(\d+):(\d+)\)?/g)) {
    const path = match[1]!.startsWith('file://') ? fileURLToPath(match[1]!) : match[1]!;
    if (!path.startsWith(root + sep) || path.includes(`${sep}node_modules${sep}`) || path.includes(`${sep}.nexxo${sep}`)) continue;
    return locate(root, path, Number(match[2]), Number(match[3]));
  }
  return null;
}

export function locate(root: string, path: string, line: number, column: number): SourceLocation | null {
  try {
    return { file: relative(root, path).split(sep).join('/'), line, column, frame: codeFrame(readFileSync(path, 'utf8'), line, column) };
  } catch {
    return null;
  }
}
