import { type AstNode, child, children, hasDirective, isFunction, isReference, nameOf, walk } from './ast.js';
import { type AsyncCodemodContext, recordChange, recordWarning } from './async-context.js';
import { functionLabel, makeAsync } from './function-edits.js';
import { classifyUse } from './promise-use.js';

const HEADER_MODULES = new Set(['next/headers', 'nexxo/headers']);
const ASYNC_APIS = new Set(['headers', 'cookies', 'draftMode']);
/** Where `await f()` binds less tightly than `f()` did: `(await f()).get()`, `(await f())!`, `(await f()) as T`. */
const TIGHTER_PARENTS = new Set(['MemberExpression', 'CallExpression', 'NewExpression', 'TaggedTemplateExpression', 'TSNonNullExpression', 'TSAsExpression', 'TSSatisfiesExpression', 'TSTypeAssertion']);

/**
 * Next 16 removed synchronous access to `headers()`, `cookies()` and `draftMode()`: each call that
 * is not awaited yet becomes `await cookies()` (or `(await cookies()).get('x')`), and the
 * enclosing function is made async — unless that would break something the codemod cannot see
 * through (a hook, a callback, a function called synchronously in the file, a client module),
 * which is reported as a warning instead.
 */
export function rewriteHeaderCalls(context: AsyncCodemodContext): void {
  const imports = importedApis(context.program);
  if (imports.names.size === 0 && imports.namespaces.size === 0) return;
  const clientFile = hasDirective(context.program, 'use client');

  walk(context.program, (node) => {
    const api = node.type === 'CallExpression' ? calledApi(node, imports) : undefined;
    if (!api || classifyUse(context, node) === 'awaited') return;
    const call = context.source.slice(node.start, node.end);
    if (clientFile) {
      recordWarning(context, node.start, `\`${call}\` reads the request on the server, but this module is "use client": call \`${api}()\` in a server component or server action (awaited) and pass the value down as a prop.`);
      return;
    }
    const fn = enclosingFunction(context, node);
    const blocker = fn ? whyNotAsync(context, fn) : 'it runs at the top level of the module, outside any request; move it into the function that handles the request';
    if (!fn || blocker) {
      recordWarning(context, node.start, `\`${call}\` returns a Promise in Next 16 and needs \`await\`, but ${blocker}. It was left as it is.`);
      return;
    }
    makeAsync(context, fn, `to await \`${api}()\``);
    const parenthesize = needsParentheses(node, context.parents.get(node));
    context.edits.insert(node.start, parenthesize ? '(await ' : 'await ');
    if (parenthesize) context.edits.insert(node.end, ')');
    recordChange(context, node.start, `\`${api}()\` is async in Next 16: now \`${parenthesize ? `(await ${call})` : `await ${call}`}\`.`);
  });
}

function needsParentheses(call: AstNode, parent: AstNode | undefined): boolean {
  if (!parent) return false;
  if (parent.type === 'BinaryExpression') return parent.operator === '**' && parent.left === call;
  if (parent.type === 'MemberExpression') return parent.object === call;
  if (parent.type === 'CallExpression' || parent.type === 'NewExpression') return parent.callee === call;
  return TIGHTER_PARENTS.has(parent.type);
}

interface ImportedApis {
  /** Local name → API name, e.g. `getCookies` → `cookies` for `import { cookies as getCookies }`. */
  names: Map<string, string>;
  /** Namespace imports: `import * as nh from 'next/headers'`. */
  namespaces: Set<string>;
}

function importedApis(program: AstNode): ImportedApis {
  const imports: ImportedApis = { names: new Map(), namespaces: new Set() };
  for (const statement of children(program, 'body')) {
    if (statement.type !== 'ImportDeclaration' || statement.importKind === 'type' || !HEADER_MODULES.has(nameOf(child(statement, 'source')) ?? '')) continue;
    for (const specifier of children(statement, 'specifiers')) {
      const local = nameOf(child(specifier, 'local'))!;
      if (specifier.type === 'ImportNamespaceSpecifier') imports.namespaces.add(local);
      const imported = nameOf(child(specifier, 'imported'));
      if (specifier.type === 'ImportSpecifier' && specifier.importKind !== 'type' && imported && ASYNC_APIS.has(imported)) imports.names.set(local, imported);
    }
  }
  return imports;
}

function calledApi(call: AstNode, imports: ImportedApis): string | undefined {
  const callee = child(call, 'callee');
  if (callee?.type === 'Identifier') return imports.names.get(callee.name as string);
  if (callee?.type !== 'MemberExpression' || callee.computed || !imports.namespaces.has(nameOf(child(callee, 'object')) ?? '')) return undefined;
  const property = nameOf(child(callee, 'property'));
  return property && ASYNC_APIS.has(property) ? property : undefined;
}

function enclosingFunction(context: AsyncCodemodContext, node: AstNode): AstNode | undefined {
  for (let current = context.parents.get(node); current; current = context.parents.get(current)) if (isFunction(current)) return current;
  return undefined;
}

/** Why making `fn` async could break the code around it, or undefined when it is safe. */
function whyNotAsync(context: AsyncCodemodContext, fn: AstNode): string | undefined {
  if (fn.async === true || context.madeAsync.has(fn)) return undefined;
  const label = functionLabel(context, fn);
  if (fn.generator === true) return `${label} is a generator`;
  const parent = context.parents.get(fn)!;
  if (parent.type === 'MethodDefinition' || (parent.type === 'Property' && (parent.method === true || parent.kind !== 'init'))) return 'it is inside a method; make the method async and await its callers by hand';
  const name = nameOf(child(fn, 'id')) ?? (parent.type === 'VariableDeclarator' ? nameOf(child(parent, 'id')) : undefined);
  if (!name) return parent.type === 'ExportDefaultDeclaration' ? undefined : 'it is inside a callback, and an async callback would hand its caller a Promise';
  if (/^use[A-Z0-9]/.test(name)) return `it is inside the hook ${label}, and hooks cannot be async; call it in a server component and pass the value in`;
  const syncCall = findSyncCall(context, name, fn);
  if (syncCall) return `${label} is called without \`await\` on line ${context.lineOf(syncCall.start)}; make ${label} async and await it there by hand`;
  return undefined;
}

/** A call `name(…)` in the file whose result is not awaited (JSX use `<Name />` is fine). */
function findSyncCall(context: AsyncCodemodContext, name: string, fn: AstNode): AstNode | undefined {
  let found: AstNode | undefined;
  walk(context.program, (node) => {
    if (found || node.type !== 'Identifier' || node.name !== name || node === fn.id) return;
    const parent = context.parents.get(node);
    if (!isReference(node, parent) || parent?.type !== 'CallExpression' || parent.callee !== node) return;
    if (classifyUse(context, parent) !== 'awaited') found = parent;
  });
  return found;
}
