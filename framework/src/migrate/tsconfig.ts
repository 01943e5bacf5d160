import { applyEdits, type TextEdit } from './config-module-code.js';
import { parseJsonc, propertyOf, type JsoncNode } from '../config/jsonc-tree.js';
import type { MigrationReport } from './report.js';

/** `/// <reference>`s that type Nexxo's modules and, for imports left as `next/*`, Next.js's names. */
export const NEXXO_ENV_DTS = `/// <reference types="nexxo/types" />
/// <reference types="nexxo/types/next" />

// This file is written by \`nexxo migrate\`; it types Nexxo's modules and assets. Keep it.
`;

/**
 * Edits tsconfig.json by span, keeping its comments and layout: `next-env.d.ts` becomes
 * `nexxo-env.d.ts` in `include`, Next.js's generated `.next/` types and its TypeScript plugin go,
 * and `.nexxo` joins `exclude` when there is one.
 */
export function migrateTsconfig(source: string, report: MigrationReport): string {
  const file = 'tsconfig.json';
  let root: JsoncNode;
  try {
    root = parseJsonc(source, file);
  } catch (error) {
    report.attention(file, `was not changed: it could not be read (${(error as Error).message}). Replace next-env.d.ts with nexxo-env.d.ts in \`include\` by hand.`);
    return source;
  }
  const edits: TextEdit[] = [];
  const include = propertyOf(root, 'include')?.value;
  if (include?.kind === 'array') {
    const stale: number[] = [];
    include.items.forEach((item, index) => {
      if (item.kind !== 'value') return;
      if (item.value === 'next-env.d.ts') {
        edits.push({ start: item.start, end: item.end, text: '"nexxo-env.d.ts"' });
        report.changed(file, '`include`: next-env.d.ts → nexxo-env.d.ts');
      } else if (typeof item.value === 'string' && /^\.next\//.test(item.value)) {
        stale.push(index);
        report.changed(file, `\`include\`: removed ${item.value} (types Next.js generates in .next/)`);
      }
    });
    edits.push(...removeItems(source, include.items, stale));
  }
  const plugins = propertyOf(propertyOf(root, 'compilerOptions')?.value, 'plugins');
  if (plugins?.value.kind === 'array') {
    const next = plugins.value.items.flatMap((item, index) => (item.kind === 'object' && propertyOf(item, 'name')?.value.kind === 'value' && (propertyOf(item, 'name')!.value as { value: unknown }).value === 'next' ? [index] : []));
    if (next.length > 0) {
      report.changed(file, 'removed the `next` TypeScript plugin from compilerOptions.plugins');
      const compilerOptions = propertyOf(root, 'compilerOptions')!.value as Extract<JsoncNode, { kind: 'object' }>;
      // The list held only Next.js's plugin: the whole option goes, not an empty array.
      if (next.length === plugins.value.items.length) edits.push(...removeItems(source, compilerOptions.properties, [compilerOptions.properties.indexOf(plugins)]));
      else edits.push(...removeItems(source, plugins.value.items, next));
    }
  }
  const exclude = propertyOf(root, 'exclude')?.value;
  if (exclude?.kind === 'array' && !exclude.items.some((item) => item.kind === 'value' && typeof item.value === 'string' && /^(\.\/)?\.nexxo\/?$/.test(item.value))) {
    edits.push(appendItem(source, exclude, '".nexxo"'));
    report.changed(file, '`exclude`: added .nexxo (the build output)');
  }
  return applyEdits(source, edits);
}

/** Edits removing list entries (array items or properties) with their separators and line. */
export function removeItems(source: string, items: { start: number; end: number }[], indexes: number[]): TextEdit[] {
  const removed = new Set(indexes);
  const edits: TextEdit[] = [];
  items.forEach((item, index) => {
    if (!removed.has(index)) return;
    const next = items.slice(index + 1).find((_, offset) => !removed.has(index + 1 + offset));
    const previous = items.slice(0, index).reverse().find((_, offset) => !removed.has(index - 1 - offset));
    // Up to the next kept entry, or back to the previous one when this is the last kept.
    if (next) edits.push({ start: item.start, end: next.start, text: '' });
    else if (previous) edits.push({ start: previous.end, end: item.end, text: '' });
    else edits.push({ start: item.start, end: item.end, text: '' });
  });
  return mergeOverlapping(edits);
}

function mergeOverlapping(edits: TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const merged: TextEdit[] = [];
  for (const edit of sorted) {
    const last = merged.at(-1);
    if (last && edit.start <= last.end) last.end = Math.max(last.end, edit.end);
    else merged.push({ ...edit });
  }
  return merged;
}

/** Adds `text` after an array's last item, on its own line when the array is written one item per line. */
function appendItem(source: string, array: Extract<JsoncNode, { kind: 'array' }>, text: string): TextEdit {
  const last = array.items.at(-1);
  if (!last) return { start: array.start + 1, end: array.start + 1, text };
  const lineStart = source.lastIndexOf('\n', last.start - 1) + 1;
  const multiline = source.slice(array.start, last.start).includes('\n');
  const separator = multiline ? `,\n${/^[ \t]*/.exec(source.slice(lineStart))![0]}` : ', ';
  return { start: last.end, end: last.end, text: separator + text };
}
