import { parseModule } from '@nexxo/compiler';

/**
 * An ESTree node as `parseModule` returns it (oxc: TS and JSX nodes included). Fields are read
 * through `child`, `children` and `nameOf` rather than typed one by one: codemods only look at a
 * few node kinds and must not break on the rest.
 */
export interface AstNode {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly [field: string]: unknown;
}

export type ParentMap = Map<AstNode, AstNode>;

/** Parses `source`; a syntax error becomes an Error naming the file, for the command to report. */
export function parseSource(source: string, file: string): AstNode {
  try {
    return parseModule(source, file) as AstNode;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw Object.assign(new Error(`Cannot parse ${file}, so it was left unchanged: ${reason}`, { cause: error }), { code: 'NEXXO_MIGRATE_PARSE_ERROR' });
  }
}

export function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

export function child(node: AstNode, field: string): AstNode | undefined {
  const value = node[field];
  return isNode(value) ? value : undefined;
}

export function children(node: AstNode, field: string): AstNode[] {
  const value = node[field];
  return Array.isArray(value) ? value.filter(isNode) : [];
}

/** The name of an Identifier (or JSXIdentifier), or of a string Literal used as a key. */
export function nameOf(node: AstNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'Identifier' || node.type === 'JSXIdentifier') return node.name as string;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  return undefined;
}

/** Visits every node depth-first, parents before children; `visit` returning `false` skips the children. */
export function walk(root: AstNode, visit: (node: AstNode, parent: AstNode | undefined) => boolean | void): void {
  const stack: Array<[AstNode, AstNode | undefined]> = [[root, undefined]];
  while (stack.length > 0) {
    const [node, parent] = stack.pop()!;
    if (visit(node, parent) === false) continue;
    const kids: AstNode[] = [];
    for (const value of Object.values(node)) {
      if (isNode(value)) kids.push(value);
      else if (Array.isArray(value)) for (const item of value) if (isNode(item)) kids.push(item);
    }
    for (let index = kids.length - 1; index >= 0; index--) stack.push([kids[index]!, node]);
  }
}

export function indexParents(root: AstNode): ParentMap {
  const parents: ParentMap = new Map();
  walk(root, (node, parent) => {
    if (parent) parents.set(node, parent);
  });
  return parents;
}

export function isFunction(node: AstNode): boolean {
  return node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression';
}

/** Whether the program (or a function body) starts with the directive, e.g. "use client". */
export function hasDirective(body: AstNode, directive: string): boolean {
  for (const statement of children(body, 'body')) {
    if (typeof statement.directive !== 'string') return false;
    if (statement.directive === directive) return true;
  }
  return false;
}

/**
 * Whether an Identifier stands for a value here, not a property name (`a.name`, `{ name: 1 }`)
 * or a type (`x: Name`).
 */
export function isReference(node: AstNode, parent: AstNode | undefined): boolean {
  if (!parent) return true;
  if (parent.type === 'MemberExpression' && parent.property === node && !parent.computed) return false;
  if ((parent.type === 'Property' || parent.type === 'MethodDefinition' || parent.type === 'PropertyDefinition') && parent.key === node && !parent.computed && !parent.shorthand) return false;
  if (parent.type === 'Property' && parent.shorthand && parent.key === node && parent.value !== node) return false;
  if (parent.type.startsWith('TS') && !EXPRESSION_WRAPPERS.has(parent.type)) return false;
  return true;
}

/** TS nodes that wrap an expression without changing its value: `x as T`, `x!`, `x satisfies T`. */
export const EXPRESSION_WRAPPERS = new Set(['TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression', 'TSTypeAssertion', 'ParenthesizedExpression']);

/** Converts UTF-16 offsets into 1-based line numbers. */
export function createLineLocator(source: string): (offset: number) => number {
  const lineStarts = [0];
  for (let index = 0; index < source.length; index++) if (source.charCodeAt(index) === 10) lineStarts.push(index + 1);
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}
