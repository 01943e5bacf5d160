import { type AstNode, EXPRESSION_WRAPPERS, child, children, nameOf } from './ast.js';
import type { AsyncCodemodContext } from './async-context.js';

/** How code treats a value that Next 16 turned into a Promise. */
export type Use = 'awaited' | 'sync' | 'ambiguous';

/**
 * `await x`, `use(x)` and `x.then()` treat `x` as a Promise already; `x.slug`, `const { slug } = x`
 * and truthiness checks read it as an object; anything else (passing it on, spreading,
 * reassigning) could mean either, and is left to a person.
 */
export function classifyUse(context: AsyncCodemodContext, expression: AstNode): Use {
  let node = expression;
  let parent = context.parents.get(node);
  while (parent && EXPRESSION_WRAPPERS.has(parent.type)) {
    node = parent;
    parent = context.parents.get(node);
  }
  if (!parent) return 'ambiguous';
  switch (parent.type) {
    case 'AwaitExpression':
      return 'awaited';
    case 'CallExpression':
      return children(parent, 'arguments').includes(node) && isUseCallee(child(parent, 'callee')) ? 'awaited' : 'ambiguous';
    case 'MemberExpression':
      if (parent.object !== node) return 'ambiguous';
      return !parent.computed && ['then', 'catch', 'finally'].includes(nameOf(child(parent, 'property')) ?? '') ? 'awaited' : 'sync';
    case 'VariableDeclarator':
      return parent.init === node && child(parent, 'id')?.type === 'ObjectPattern' ? 'sync' : 'ambiguous';
    case 'AssignmentExpression':
      return parent.right === node && child(parent, 'left')?.type === 'ObjectPattern' ? 'sync' : 'ambiguous';
    case 'UnaryExpression':
      return parent.operator === '!' ? 'sync' : 'ambiguous';
    case 'IfStatement':
    case 'ConditionalExpression':
      return parent.test === node ? 'sync' : 'ambiguous';
    case 'LogicalExpression':
      return parent.left === node && parent.operator === '&&' ? 'sync' : 'ambiguous';
    case 'BinaryExpression':
      return parent.right === node && parent.operator === 'in' ? 'sync' : 'ambiguous';
    default:
      return 'ambiguous';
  }
}

/** `use(x)` or `React.use(x)`. */
function isUseCallee(callee: AstNode | undefined): boolean {
  if (callee?.type === 'Identifier') return callee.name === 'use';
  return callee?.type === 'MemberExpression' && !callee.computed && nameOf(child(callee, 'property')) === 'use';
}
