import { realpathSync } from 'node:fs';
import type { SourceMap } from 'node:module';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { locate, type SourceLocation } from '../dev/code-frame.js';

/** The compiled copy of a config and its source map, kept after the copy itself is deleted. */
export interface CompiledConfig {
  file: string;
  sourceMap: SourceMap;
}

const FRAME = /\(?((?:file:\/\/)?\/[^\s():?]+)(?:\?[^\s():]*)?:(\d+):(\d+)\)?/g;

/**
 * Where in the user's source an error from their config was thrown: the first stack frame in the
 * app's own files. Node maps frames through the copy's inline source map when source maps are on;
 * when something else owns `Error.prepareStackTrace` (a test runner, a user's source-map-support),
 * frames still point at the copy, and its source map is applied here.
 */
export function locateInConfig(error: unknown, root: string, compiled: CompiledConfig | null): SourceLocation | null {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const appRoot = realPath(root);
  for (const match of stack.matchAll(FRAME)) {
    const path = match[1]!.startsWith('file://') ? fileURLToPath(match[1]!) : match[1]!;
    const line = Number(match[2]);
    const column = Number(match[3]);
    const original = compiled && path === compiled.file ? originalPosition(compiled, line, column) : { path, line, column };
    if (original && isAppFile(original.path, appRoot)) return locate(appRoot, original.path, original.line, original.column);
  }
  return null;
}

function originalPosition(compiled: CompiledConfig, line: number, column: number): { path: string; line: number; column: number } | null {
  const origin = compiled.sourceMap.findOrigin(line, column);
  if (!('fileName' in origin)) return null;
  const path = isAbsolute(origin.fileName) ? origin.fileName : resolve(dirname(compiled.file), origin.fileName);
  return { path, line: origin.lineNumber, column: origin.columnNumber };
}

function isAppFile(path: string, root: string): boolean {
  const inside = relative(root, path);
  return !inside.startsWith('..') && !isAbsolute(inside) && !`${sep}${inside}`.includes(`${sep}node_modules${sep}`);
}

/** Stack frames carry real paths (Node and Rolldown resolve symlinks), which a symlinked root would not match. */
export function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
