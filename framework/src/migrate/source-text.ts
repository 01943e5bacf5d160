import type { Node } from './estree.js';

/** The whitespace that starts the line `offset` is on. */
export function indentAt(source: string, offset: number): string {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(source.slice(lineStart))![0];
}

/**
 * A node's text, its continuation lines moved from the indentation of the line it starts on to
 * `indent`, so code copied out of a nested object reads right at its new depth.
 */
export function textAt(source: string, node: Node, indent: string): string {
  return reindent(source.slice(node.start, node.end), indentAt(source, node.start), indent);
}

export function reindent(text: string, from: string, to: string): string {
  if (from === to) return text;
  return text
    .split('\n')
    .map((line, index) => (index > 0 && line.startsWith(from) ? to + line.slice(from.length) : line))
    .join('\n');
}

/**
 * Comments between `from` and `to` (the gap before a property, after the previous one and its
 * comma), one per line and trimmed, so they travel with the property they describe.
 */
export function commentsBetween(source: string, from: number, to: number): string[] {
  const gap = source.slice(from, to).replace(/^\s*,/, '');
  const comments = gap.match(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g) ?? [];
  return comments.flatMap((comment) => comment.split('\n').map((line) => line.trim()).map((line) => (line.startsWith('*') ? ` ${line}` : line)));
}

/** `value` as a string literal in the quotes the file mostly uses, so new code matches its style. */
export function quoteLike(source: string, value: string): string {
  const singles = source.match(/'/g)?.length ?? 0;
  const doubles = source.match(/"/g)?.length ?? 0;
  if (singles < doubles || value.includes("'")) return JSON.stringify(value);
  return `'${value.replace(/\\/g, '\\\\')}'`;
}
