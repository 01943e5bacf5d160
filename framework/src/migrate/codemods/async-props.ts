import { type AstNode, child, children, hasDirective, isFunction, isReference, nameOf, walk } from './ast.js';
import { type AsyncCodemodContext, recordChange, recordWarning, uniqueName } from './async-context.js';
import { functionLabel, insertAtBodyTop, makeAsync } from './function-edits.js';
import { type Use, classifyUse } from './promise-use.js';
import { PropsTypeRewriter } from './props-type.js';

const PAGE_FILE = /(?:^|[\\/])(?:page|layout|template|default)\.(?:tsx|jsx|ts|js|mts|mjs)$/;
const ROUTE_FILE = /(?:^|[\\/])route\.(?:ts|js|mts|mjs)$/;
/** Image metadata routes: their default export gets `{ params }` too, a Promise since Next 16. */
const IMAGE_FILE = /(?:^|[\\/])(?:opengraph-image|twitter-image|icon|apple-icon)\d*\.(?:tsx|jsx|ts|js|mts|mjs)$/;
const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];
const PAGE_PROPS = ['params', 'searchParams'];
const ROUTE_PROPS = ['params'];

/** A function whose props (argument `paramIndex`) carry `params`/`searchParams` from the router. */
interface PropsTarget {
  fn: AstNode;
  paramIndex: number;
  keys: readonly string[];
}

/** One way the function gets at a prop: a binding in the props pattern, or `props.<key>` reads. */
type PropAccess =
  | { kind: 'binding'; key: string; property: AstNode; binding: AstNode }
  | { kind: 'pattern'; key: string; property: AstNode; pattern: AstNode }
  | { kind: 'member'; key: string; object: string; reads: AstNode[] };

/**
 * Next 16 passes `params` and `searchParams` to pages, layouts, templates, default slots,
 * `generateMetadata`/`generateViewport` and route handlers as Promises. Where the code reads them
 * synchronously, await them once at the top of the function and make it async:
 *
 * - `({ params })` → `({ params: paramsPromise })` + `const params = await paramsPromise;`
 * - `({ params: { slug } })` → `({ params })` + `const { slug } = await params;`
 * - `(props)` reading `props.params.slug` → `const params = await props.params;` and `params.slug`
 *
 * Every read keeps working unchanged, so nothing else in the body is touched. Their types become
 * `Promise<…>` where the props type is written in the file and used only for these props.
 */
export function rewriteAsyncProps(context: AsyncCodemodContext, file: string): void {
  const targets = findTargets(context.program, file);
  if (targets.length === 0) return;
  const clientFile = hasDirective(context.program, 'use client');
  const propsTypes = targets.map((target) => propsParam(target)).map((param) => param && child(param, 'typeAnnotation')).filter((type) => type !== undefined);
  const typeRewriter = new PropsTypeRewriter(context, propsTypes);
  for (const target of targets) rewriteTarget(context, target, clientFile, typeRewriter);
}

function findTargets(program: AstNode, file: string): PropsTarget[] {
  const imageFile = IMAGE_FILE.test(file);
  const pageFile = PAGE_FILE.test(file) || imageFile;
  if (!pageFile && !ROUTE_FILE.test(file)) return [];
  const named = imageFile ? [] : pageFile ? ['generateMetadata', 'generateViewport'] : HTTP_METHODS;
  const keys = pageFile && !imageFile ? PAGE_PROPS : ROUTE_PROPS;
  const paramIndex = pageFile ? 0 : 1;
  const locals = topLevelFunctions(program);
  const found = new Set<AstNode>();
  const add = (fn: AstNode | undefined) => {
    if (fn && isFunction(fn)) found.add(fn);
  };

  for (const statement of children(program, 'body')) {
    if (statement.type === 'ExportDefaultDeclaration' && pageFile) {
      const declaration = child(statement, 'declaration');
      add(declaration?.type === 'Identifier' ? locals.get(declaration.name as string) : declaration);
    }
    if (statement.type !== 'ExportNamedDeclaration' || child(statement, 'source')) continue;
    const declaration = child(statement, 'declaration');
    const declared = declaration?.type === 'VariableDeclaration' ? children(declaration, 'declarations').map((declarator) => nameOf(child(declarator, 'id'))) : [nameOf(declaration && child(declaration, 'id'))];
    for (const name of declared) if (name && named.includes(name)) add(locals.get(name));
    for (const specifier of children(statement, 'specifiers')) {
      const exported = nameOf(child(specifier, 'exported'));
      if (exported === 'default' && pageFile) add(locals.get(nameOf(child(specifier, 'local')) ?? ''));
      else if (exported && named.includes(exported)) add(locals.get(nameOf(child(specifier, 'local')) ?? ''));
    }
  }
  return [...found].map((fn) => ({ fn, paramIndex, keys }));
}

/** Top-level `function f` and `const f = () => …` / `function () {}`, exported or not. */
function topLevelFunctions(program: AstNode): Map<string, AstNode> {
  const functions = new Map<string, AstNode>();
  for (let statement of children(program, 'body')) {
    if (statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration') statement = child(statement, 'declaration') ?? statement;
    if (statement.type === 'FunctionDeclaration') functions.set(nameOf(child(statement, 'id')) ?? '', statement);
    for (const declarator of statement.type === 'VariableDeclaration' ? children(statement, 'declarations') : []) {
      const init = child(declarator, 'init');
      const name = nameOf(child(declarator, 'id'));
      if (init && name && isFunction(init)) functions.set(name, init);
    }
  }
  return functions;
}

function rewriteTarget(context: AsyncCodemodContext, target: PropsTarget, clientFile: boolean, typeRewriter: PropsTypeRewriter): void {
  const param = propsParam(target);
  if (!param) return;
  const typeAnnotation = child(param, 'typeAnnotation');
  const label = functionLabel(context, target.fn);
  const body = child(target.fn, 'body')!;
  const accesses = collectAccesses(context, param, body, target.keys, label);

  const statements: string[] = [];
  const awaitedKeys = new Set<string>();
  const settledKeys = new Set(target.keys);
  for (const access of accesses) {
    const uses = usesOf(context, access, body);
    const ambiguous = uses.find(([, use]) => use === 'ambiguous');
    const awaited = uses.some(([, use]) => use === 'awaited');
    const sync = uses.find(([, use]) => use === 'sync');
    if (ambiguous) {
      settledKeys.delete(access.key);
      recordWarning(context, ambiguous[0].start, `\`${access.key}\` in ${label} is used as a whole here (passed on, spread, returned or reassigned), so it was left as it is: in Next 16 it is a Promise. Await it first (\`const ${access.key} = await …\`) and decide whether to pass on the Promise or its value.`);
    } else if (awaited && sync) {
      settledKeys.delete(access.key);
      recordWarning(context, sync[0].start, `\`${access.key}\` in ${label} is awaited in one place and read directly here, so it was left as it is: in Next 16 it is a Promise; read it only after awaiting it.`);
    } else if (sync && clientFile) {
      settledKeys.delete(access.key);
      recordWarning(context, sync[0].start, `${label} is a client component, and in Next 16 \`${access.key}\` arrives as a Promise: read it with \`use(${access.key})\` from react${access.key === 'params' ? ' or call `useParams()` from next/navigation' : ' or call `useSearchParams()` from next/navigation'}. It was left as it is.`);
    } else if (sync) {
      const statement = awaitAccess(context, access, target.fn);
      statements.push(statement);
      awaitedKeys.add(access.key);
      recordChange(context, access.kind === 'member' ? access.reads[0]!.start : access.property.start, `\`${access.key}\` is a Promise in Next 16: ${label} now awaits it once at the top (\`${statement}\`).`);
    }
  }

  if (statements.length > 0) {
    insertAtBodyTop(context, target.fn, statements);
    makeAsync(context, target.fn, `to await ${[...awaitedKeys].map((key) => `\`${key}\``).join(' and ')}`);
  }
  if (!clientFile && typeAnnotation) typeRewriter.rewrite(child(typeAnnotation, 'typeAnnotation')!, [...settledKeys], statements.length > 0);
}

/** The props parameter, without its default value (`({ params }: Props = …)`). */
function propsParam(target: PropsTarget): AstNode | undefined {
  const param = children(target.fn, 'params')[target.paramIndex];
  return param?.type === 'AssignmentPattern' ? child(param, 'left') : param;
}

/** Where the function reads each prop, starting from its props parameter. */
function collectAccesses(context: AsyncCodemodContext, param: AstNode, body: AstNode, keys: readonly string[], label: string): PropAccess[] {
  if (param.type === 'Identifier') return memberAccesses(context, param.name as string, body, keys, label);
  if (param.type !== 'ObjectPattern') return [];
  const accesses: PropAccess[] = [];
  for (const property of children(param, 'properties')) {
    if (property.type === 'RestElement') {
      const rest = child(property, 'argument');
      if (rest?.type === 'Identifier') accesses.push(...memberAccesses(context, rest.name as string, body, keys, label));
      continue;
    }
    const key = property.computed ? undefined : nameOf(child(property, 'key'));
    const value = child(property, 'value');
    if (!key || !keys.includes(key) || !value) continue;
    if (value.type === 'Identifier') accesses.push({ kind: 'binding', key, property, binding: value });
    else if (value.type === 'ObjectPattern' || value.type === 'ArrayPattern') accesses.push({ kind: 'pattern', key, property, pattern: value });
    else recordWarning(context, property.start, `\`${key}\` in ${label} has a default value, so it was left as it is: in Next 16 it is a Promise that is always passed; remove the default and await it.`);
  }
  return accesses;
}

/** `props.params`/`props.searchParams` reads of a props object; warns when `props` goes elsewhere whole. */
function memberAccesses(context: AsyncCodemodContext, object: string, body: AstNode, keys: readonly string[], label: string): PropAccess[] {
  const reads = new Map<string, AstNode[]>();
  let passedWhole: AstNode | undefined;
  for (const reference of referencesTo(context, object, body)) {
    const parent = context.parents.get(reference)!;
    const key = parent.type === 'MemberExpression' && parent.object === reference ? (parent.computed ? literalKey(child(parent, 'property')) : nameOf(child(parent, 'property'))) : undefined;
    if (key === undefined) passedWhole ??= reference;
    else if (keys.includes(key)) reads.set(key, [...(reads.get(key) ?? []), parent]);
  }
  if (passedWhole) recordWarning(context, passedWhole.start, `\`${object}\` in ${label} is used as a whole here: in Next 16 its ${keys.map((key) => `\`${key}\``).join(' and ')} ${keys.length > 1 ? 'are Promises' : 'is a Promise'}; check that whatever reads ${keys.length > 1 ? 'them' : 'it'} awaits ${keys.length > 1 ? 'them' : 'it'}.`);
  return [...reads].map(([key, nodes]) => ({ kind: 'member', key, object, reads: nodes }));
}

function literalKey(node: AstNode | undefined): string | undefined {
  return node?.type === 'Literal' && typeof node.value === 'string' ? node.value : undefined;
}

/** References to `name` in `body`, except inside nested functions whose own parameters reuse it. */
function referencesTo(context: AsyncCodemodContext, name: string, body: AstNode): AstNode[] {
  const references: AstNode[] = [];
  walk(body, (node) => {
    if (isFunction(node) && children(node, 'params').some((param) => bindsName(context, param, name))) return false;
    if (node.type === 'Identifier' && node.name === name && isReference(node, context.parents.get(node))) references.push(node);
    return true;
  });
  return references;
}

function bindsName(context: AsyncCodemodContext, pattern: AstNode, name: string): boolean {
  let binds = false;
  walk(pattern, (node) => {
    if (node.type === 'Identifier' && node.name === name && isReference(node, context.parents.get(node))) binds = true;
  });
  return binds;
}

function usesOf(context: AsyncCodemodContext, access: PropAccess, body: AstNode): Array<[AstNode, Use]> {
  if (access.kind === 'pattern') return [[access.pattern, 'sync']];
  const expressions = access.kind === 'member' ? access.reads : referencesTo(context, access.binding.name as string, body);
  return expressions.map((expression) => [expression, classifyUse(context, expression)]);
}

/** Edits the props so the Promise gets a name of its own; returns the statement that awaits it. */
function awaitAccess(context: AsyncCodemodContext, access: PropAccess, fn: AstNode): string {
  const { edits, source } = context;
  if (access.kind === 'member') {
    const local = uniqueName(context, access.key, fn);
    for (const read of access.reads) edits.replace(read.start, read.end, local);
    return `const ${local} = await ${access.object}.${access.key};`;
  }
  if (access.kind === 'pattern') {
    const promise = uniqueName(context, access.key, fn);
    if (promise === access.key) edits.replace(access.property.start, access.property.end, promise);
    else edits.replace(access.pattern.start, access.pattern.end, promise);
    return `const ${source.slice(access.pattern.start, access.pattern.end)} = await ${promise};`;
  }
  const name = access.binding.name as string;
  const promise = uniqueName(context, `${name}Promise`, fn);
  if (access.property.shorthand) edits.replace(access.property.start, access.property.end, `${access.key}: ${promise}`);
  else edits.replace(access.binding.start, access.binding.end, promise);
  return `const ${name} = await ${promise};`;
}
