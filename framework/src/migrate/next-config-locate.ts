import { child, children, nameOf, requiredModule, unwrapExpression, type Node } from './estree.js';

/** A call that wraps the config, such as `withMDX(config)`: where its factory comes from and its options. */
export interface ConfigWrapper {
  /** The callee as written, for messages: `withMDX`, `withSentryConfig`. */
  name: string;
  /** The package the wrapper or its factory comes from; null when it is defined in the file. */
  from: string | null;
  /** The factory's first argument (`createMDX({ … })`), or the wrapper's second (`withSentryConfig(config, { … })`). */
  options: Node | null;
  node: Node;
}

/** The config function's parameters and the statements before its `return`. */
export interface ConfigFunction {
  node: Node;
  async: boolean;
  params: Node[];
  statements: Node[];
}

export interface LocatedConfig {
  /** `module.exports = …` or `export default …`; its place is where the new export goes. */
  exportStatement: Node;
  /** The options object, or null when its shape was not recognised. */
  object: Node | null;
  wrappers: ConfigWrapper[];
  fn: ConfigFunction | null;
  /** Top-level statements that only build the config (its variable, wrapper factories): left out of the new file. */
  consumed: Set<Node>;
  /** Names of the variables in `consumed`, to check they are not used elsewhere. */
  consumedNames: Map<string, Node>;
}

/**
 * Finds the config object in a next.config module, through the shapes people write: an object
 * exported directly or through a variable, `satisfies`/`as`, a function of the phase, and
 * wrappers (`withMDX(…)`, `withBundleAnalyzer(…)(…)`), nested in any order.
 */
export function locateNextConfig(program: Node & { body: Node[] }): LocatedConfig | null {
  const exportStatement = program.body.find(isConfigExport);
  if (!exportStatement) return null;
  const located: LocatedConfig = { exportStatement, object: null, wrappers: [], fn: null, consumed: new Set(), consumedNames: new Map() };
  const exported = exportStatement.type === 'ExportDefaultDeclaration' ? child(exportStatement, 'declaration')! : child(child(exportStatement, 'expression')!, 'right')!;
  located.object = resolveValue(exported, [program.body], located);
  return located;
}

function isConfigExport(statement: Node): boolean {
  if (statement.type === 'ExportDefaultDeclaration') return true;
  if (statement.type !== 'ExpressionStatement') return false;
  const expression = child(statement, 'expression');
  if (expression?.type !== 'AssignmentExpression') return false;
  const left = child(expression, 'left');
  return left?.type === 'MemberExpression' && nameOf(child(left, 'object')) === 'module' && nameOf(child(left, 'property')) === 'exports';
}

/** Scopes are statement lists, innermost first: a function's body, then the module. */
type Scopes = Node[][];

function resolveValue(node: Node, scopes: Scopes, located: LocatedConfig): Node | null {
  const value = unwrapExpression(node);
  switch (value.type) {
    case 'ObjectExpression':
      return value;
    case 'Identifier': {
      const binding = findBinding(value.name as string, scopes);
      if (!binding) return null;
      if (binding.type === 'FunctionDeclaration') return resolveFunction(binding, scopes, located);
      consume(binding, value.name as string, scopes, located);
      const init = child(binding, 'init');
      return init ? resolveValue(init, scopes, located) : null;
    }
    case 'CallExpression': {
      const [config, second] = children(value, 'arguments');
      if (!config) return null;
      located.wrappers.push(describeWrapper(value, second ?? null, scopes, located));
      return resolveValue(config, scopes, located);
    }
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
    case 'FunctionDeclaration':
      return resolveFunction(value, scopes, located);
    default:
      return null;
  }
}

function resolveFunction(fn: Node, scopes: Scopes, located: LocatedConfig): Node | null {
  // A function returning a function, or a second function, is beyond what can be moved safely.
  if (located.fn) return null;
  const body = child(fn, 'body')!;
  located.fn = { node: fn, async: fn.async === true, params: children(fn, 'params'), statements: [] };
  if (body.type !== 'BlockStatement') return resolveValue(body, scopes, located);
  const statements = children(body, 'body');
  const last = statements.at(-1);
  if (last?.type !== 'ReturnStatement' || !child(last, 'argument')) return null;
  // Only straight-line code before the return: an early `return` would be silently dropped.
  if (statements.slice(0, -1).some((statement) => !['VariableDeclaration', 'ExpressionStatement', 'FunctionDeclaration'].includes(statement.type))) return null;
  located.fn.statements = statements.slice(0, -1);
  return resolveValue(child(last, 'argument')!, [located.fn.statements, ...scopes], located);
}

/** The declarator (or function declaration) that defines `name`, innermost scope first. */
function findBinding(name: string, scopes: Scopes): Node | null {
  for (const statements of scopes) {
    for (const statement of statements) {
      const declaration = statement.type === 'ExportNamedDeclaration' ? child(statement, 'declaration') : statement;
      if (declaration?.type === 'FunctionDeclaration' && nameOf(child(declaration, 'id')) === name) return declaration;
      if (declaration?.type !== 'VariableDeclaration') continue;
      const declarator = children(declaration, 'declarations').find((item) => nameOf(child(item, 'id')) === name);
      if (declarator) return declarator;
    }
  }
  return null;
}

/** Marks the statement declaring `declarator` as part of the config, when it declares nothing else. */
function consume(declarator: Node, name: string, scopes: Scopes, located: LocatedConfig): void {
  for (const statements of scopes) {
    const statement = statements.find((item) => item.type === 'VariableDeclaration' && children(item, 'declarations').includes(declarator));
    if (!statement) continue;
    if (children(statement, 'declarations').length !== 1) return;
    if (located.fn && statements === located.fn.statements) located.fn.statements = statements.filter((item) => item !== statement);
    else located.consumed.add(statement);
    located.consumedNames.set(name, statement);
    return;
  }
}

function describeWrapper(call: Node, second: Node | null, scopes: Scopes, located: LocatedConfig): ConfigWrapper {
  const callee = unwrapExpression(child(call, 'callee')!);
  if (callee.type === 'CallExpression') {
    // `createMDX({ … })(config)`, `require('@next/bundle-analyzer')({ … })(config)`
    const factory = child(callee, 'callee')!;
    return { name: nameOf(factory) ?? 'the config wrapper', from: packageOf(factory, scopes), options: children(callee, 'arguments')[0] ?? null, node: call };
  }
  const name = nameOf(callee) ?? 'the config wrapper';
  const binding = callee.type === 'Identifier' ? findBinding(name, scopes) : null;
  const init = binding?.type === 'VariableDeclarator' ? unwrapExpression(child(binding, 'init') ?? binding) : null;
  if (binding && init?.type === 'CallExpression' && !requiredModule(init)) {
    // `const withMDX = createMDX({ … })`: the options sit on the factory call.
    consume(binding, name, scopes, located);
    return { name, from: packageOf(child(init, 'callee')!, scopes), options: children(init, 'arguments')[0] ?? null, node: call };
  }
  if (binding?.type === 'VariableDeclarator') consume(binding, name, scopes, located);
  return { name, from: packageOf(callee, scopes), options: second, node: call };
}

/** The package a name comes from: `import x from 'pkg'`, `const x = require('pkg')`, `require('pkg').default`. */
function packageOf(node: Node, scopes: Scopes): string | null {
  const value = unwrapExpression(node);
  const required = requiredModule(value);
  if (required) return required;
  if (value.type === 'MemberExpression') return packageOf(child(value, 'object')!, scopes);
  if (value.type !== 'Identifier') return null;
  const name = value.name as string;
  const module = scopes.at(-1)!;
  for (const statement of module) {
    if (statement.type === 'ImportDeclaration' && children(statement, 'specifiers').some((specifier) => nameOf(child(specifier, 'local')) === name)) {
      return nameOf(child(statement, 'source'));
    }
  }
  const binding = findBinding(name, scopes) ?? findDestructured(name, module);
  const init = binding?.type === 'VariableDeclarator' ? child(binding, 'init') : null;
  return init ? packageOf(init, scopes) : null;
}

/** `const { withSentryConfig } = require('@sentry/nextjs')`: the declarator that destructures `name`. */
function findDestructured(name: string, statements: Node[]): Node | null {
  for (const statement of statements) {
    if (statement.type !== 'VariableDeclaration') continue;
    for (const declarator of children(statement, 'declarations')) {
      const id = child(declarator, 'id');
      if (id?.type === 'ObjectPattern' && children(id, 'properties').some((property) => nameOf(child(property, 'value')) === name)) return declarator;
    }
  }
  return null;
}
