import { parseModule } from '@nexxo/compiler';

/**
 * The little of oxc's ESTree that the migration reads. `start`/`end` are UTF-16 offsets into the
 * source, so `source.slice(node.start, node.end)` is the node's text.
 */
export interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

export function parseProgram(source: string, file: string): Node & { body: Node[] } {
  return parseModule(source, file) as Node & { body: Node[] };
}

export function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
}

/** The node under `key`, or null. */
export function child(node: Node, key: string): Node | null {
  const value = node[key];
  return isNode(value) ? value : null;
}

export function children(node: Node, key: string): Node[] {
  const value = node[key];
  return Array.isArray(value) ? value.filter(isNode) : [];
}

/** Visits every node below `node`, depth first. */
export function walk(node: Node, visit: (node: Node) => void): void {
  visit(node);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent') continue;
    if (Array.isArray(value)) for (const item of value) isNode(item) && walk(item, visit);
    else if (isNode(value)) walk(value, visit);
  }
}

/** `foo` for an identifier, the value of a string literal, else null: how keys and specifiers are named. */
export function nameOf(node: Node | null): string | null {
  if (!node) return null;
  if (node.type === 'Identifier') return node.name as string;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  return null;
}

/** The string a literal holds (`'x'`, or a template without `${}`), else null. */
export function stringValue(node: Node | null): string | null {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && children(node, 'expressions').length === 0) {
    const [quasi] = children(node, 'quasis');
    return quasi ? ((quasi.value as { cooked: string }).cooked ?? null) : null;
  }
  return null;
}

/** Strips `x as T`, `x satisfies T`, `x!` and parentheses, which do not change what a value is. */
export function unwrapExpression(node: Node): Node {
  let current = node;
  while (['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'ParenthesizedExpression', 'TSTypeAssertion'].includes(current.type)) {
    current = child(current, 'expression')!;
  }
  return current;
}

/** `require('pkg')` → 'pkg'; anything else → null. */
export function requiredModule(node: Node | null): string | null {
  if (!node || node.type !== 'CallExpression') return null;
  const callee = child(node, 'callee');
  const args = children(node, 'arguments');
  if (callee?.type !== 'Identifier' || callee.name !== 'require' || args.length !== 1) return null;
  return stringValue(args[0]!);
}

/** 1-based line of a UTF-16 offset. */
export function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let index = source.indexOf('\n'); index !== -1 && index < offset; index = source.indexOf('\n', index + 1)) line++;
  return line;
}
