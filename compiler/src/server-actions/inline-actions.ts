import MagicString, { type SourceMap } from 'magic-string';
import { readModuleDirective } from '../directives.js';
import { NexxoBuildError, formatDiagnostic } from '../errors.js';

export interface InlineActionsResult {
  code: string;
  map: SourceMap;
  /** The `$$nexxo_action_<n>` names this transform added to the module's exports. */
  exports: string[];
}

export interface InlineActionsOptions {
  /** Parses to an ESTree program (oxc via Rolldown: `parseAst` from 'rolldown/parseAst', or `this.parse` in a plugin). Must accept TS/JSX. */
  parse: (code: string) => any;
  /** The action id for a hoisted export name (computed by the caller). */
  actionId: (exportName: string) => string;
  /** Module that exports `encryptActionBoundArgs(actionId, args)` and `decryptActionBoundArgs(actionId, encrypted)`. */
  runtimeModule: string;
}

/**
 * Hoists inline server actions (functions whose body starts with "use server") out of server
 * components into module-level exports, so the server can call them by id. The component's
 * variables an action reads are bound to it encrypted, and decrypted when the action runs.
 * Returns null when the module has no inline action, or is itself a "use server" module.
 *
 * @example
 * // async function Page({ id }) { async function save() { 'use server'; await db.save(id); } … }
 * // becomes
 * // async function Page({ id }) { const save = $$nexxo_action_0.bind(null, $$nexxo_encrypt("…", [id])); … }
 * // export async function $$nexxo_action_0($$closure) { const [id] = await $$nexxo_decrypt("…", $$closure); … }
 * transformInlineActions(code, id, { parse: (code) => parseAst(code, { lang: 'tsx' }), actionId, runtimeModule });
 */
export function transformInlineActions(code: string, file: string, options: InlineActionsOptions): InlineActionsResult | null {
  if (!code.includes('use server')) return null;
  const program = options.parse(code) as Program;
  // A "use server" module exports its functions as actions already; another transform owns it.
  if (readModuleDirective(program) === 'use server') return null;
  const errors = new ActionErrors(code, file);
  const actions = findInlineActions(program, errors);
  if (actions.length === 0) return null;

  const s = new MagicString(code);
  const exports: string[] = [];
  let usesRuntime = false;
  actions.forEach((action, index) => {
    const name = `$$nexxo_action_${index}`;
    exports.push(name);
    if (!action.fn.async) throw errors.notAsync(action.fn);
    if (action.keepInPlace) {
      s.append(`\nexport { ${action.fn.id.name} as ${name} };`);
      return;
    }
    const { closure, readsSelf } = closureVariables(action, errors);
    if (closure.length > 0) usesRuntime = true;
    const id = closure.length > 0 ? JSON.stringify(options.actionId(name)) : '';
    hoist(s, action, name, closure, id, readsSelf);
  });
  if (usesRuntime) addRuntimeImport(s, program, options.runtimeModule);
  return { code: s.toString(), map: s.generateMap({ hires: 'boundary', source: file, includeContent: true }), exports };
}

// ---------------------------------------------------------------------------------------------
// Rewriting

/** Moves the function's params and body to the end of the module and leaves an expression in its place. */
function hoist(s: MagicString, action: ActionSite, name: string, closure: string[], id: string, readsSelf: boolean): void {
  const { fn } = action;
  const body: Node = fn.body;
  const params: Node[] = fn.params;
  const hasParams = params.length > 0;
  const paramsStart = hasParams ? params[0]!.start : body.start;
  const paramsEnd = hasParams ? params.at(-1)!.end : body.start;

  const value = closure.length > 0 ? `${name}.bind(null, $$nexxo_encrypt(${id}, [${closure.join(', ')}]))` : name;
  const replacement = action.declaredName ? `const ${action.declaredName} = ${value};` : action.anonymousDefault ? `${value};` : value;
  // Params and body are moved rather than copied so that the source map still points into them.
  s.overwrite(fn.start, paramsStart, replacement);
  if (hasParams) s.remove(paramsEnd, body.start);

  const closureParam = closure.length > 0 ? (hasParams ? '$$closure, ' : '$$closure') : '';
  const header = `\nexport async function${fn.generator ? '*' : ''} ${name}(${closureParam}`;
  if (hasParams) {
    s.prependRight(paramsStart, header);
    s.appendLeft(paramsEnd, ') ');
  } else {
    s.prependRight(body.start, `${header}) `);
  }
  if (closure.length > 0) s.appendLeft(body.start + 1, `\nconst [${closure.join(', ')}] = await $$nexxo_decrypt(${id}, $$closure);`);
  // The hoisted function has a new name; a recursive call by the old one gets the same closure.
  if (readsSelf) s.appendLeft(body.start + 1, `\nconst ${action.selfName} = ${closure.length > 0 ? `${name}.bind(null, $$closure)` : name};`);
  s.appendLeft(body.end, '\n');

  // A function that ends the file is at the end already (and magic-string cannot move a range onto itself).
  if (body.end === s.original.length) return;
  if (hasParams) s.move(paramsStart, paramsEnd, s.original.length);
  s.move(body.start, body.end, s.original.length);
}

/** The import goes after the module's directive prologue: anything before a directive would end the prologue. */
function addRuntimeImport(s: MagicString, program: Program, runtimeModule: string): void {
  const statement = `import { encryptActionBoundArgs as $$nexxo_encrypt, decryptActionBoundArgs as $$nexxo_decrypt } from ${JSON.stringify(runtimeModule)};`;
  let prologueEnd = 0;
  for (const node of program.body) {
    if (typeof node.directive !== 'string') break;
    prologueEnd = node.end;
  }
  if (prologueEnd > 0) s.appendLeft(prologueEnd, `\n${statement}`);
  else s.prepend(`${statement}\n`);
}

// ---------------------------------------------------------------------------------------------
// Scope analysis: just enough of JavaScript's scoping rules to tell which variables of the
// enclosing component an action reads.

type Node = { type: string; start: number; end: number; [key: string]: any };
type Program = Node & { body: Node[] };

interface ActionSite {
  fn: Node;
  /** The action's own scope: bindings in it or below it belong to the action. */
  scope: Scope;
  /** Identifiers read or written inside the action, in source order. */
  references: Reference[];
  /** A module-level function declaration: exported under an alias where it stands. */
  keepInPlace: boolean;
  /** A nested function declaration becomes `const <name> = …` */
  declaredName: string | null;
  /** The function's own name (declaration or named function expression) and the scope that declares it. */
  selfName: string | null;
  selfScope: Scope | null;
  /** `export default async function () {}` */
  anonymousDefault: boolean;
}

interface Reference {
  node: Node;
  scope: Scope;
  write: boolean;
}

class Scope {
  readonly names = new Set<string>();
  constructor(
    readonly parent: Scope | null,
    readonly kind: 'module' | 'function' | 'block',
  ) {}

  /** Where a `var` declared here lands. */
  get varScope(): Scope {
    return this.kind === 'block' ? this.parent!.varScope : this;
  }

  lookup(name: string): Scope | null {
    for (let scope: Scope | null = this; scope; scope = scope.parent) if (scope.names.has(name)) return scope;
    return null;
  }

  isWithin(ancestor: Scope): boolean {
    for (let scope: Scope | null = this; scope; scope = scope.parent) if (scope === ancestor) return true;
    return false;
  }
}

/** The enclosing-scope variables an action reads, by first appearance; throws on the misuses it can see. */
function closureVariables(action: ActionSite, errors: ActionErrors): { closure: string[]; readsSelf: boolean } {
  const names = new Set<string>();
  let readsSelf = false;
  const references = [...action.references].sort((a, b) => a.node.start - b.node.start);
  for (const reference of references) {
    const name: string = reference.node.name;
    const declaredIn = reference.scope.lookup(name);
    if (name === action.selfName && declaredIn === action.selfScope) {
      readsSelf = true;
      continue;
    }
    // Globals, module-level bindings and imports are there when the hoisted function runs.
    if (!declaredIn || declaredIn.kind === 'module' || declaredIn.isWithin(action.scope)) continue;
    if (reference.write) throw errors.closureAssigned(reference.node);
    if (reference.node.start < action.fn.body.start) throw errors.closureInParams(reference.node);
    names.add(name);
  }
  return { closure: [...names], readsSelf };
}

/** Node types that exist only at type level; TypeScript-only nodes not listed here are skipped. */
const runtimeTsNodes = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'TSInstantiationExpression', 'TSExportAssignment']);
/** Keys that hold type annotations, or positions, never runtime code. */
const skippedKeys = new Set(['type', 'start', 'end', 'range', 'loc', 'typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'superTypeArguments', 'implements']);

function findInlineActions(program: Program, errors: ActionErrors): ActionSite[] {
  const finder = new ActionFinder(errors);
  finder.visitStatements(program.body, finder.moduleScope);
  return finder.actions;
}

/** One walk over the program that builds scopes, finds actions and records each action's references. */
class ActionFinder {
  readonly moduleScope = new Scope(null, 'module');
  readonly actions: ActionSite[] = [];
  private current: ActionSite | null = null;

  constructor(private readonly errors: ActionErrors) {}

  visitStatements(statements: Node[], scope: Scope): void {
    for (const statement of statements) this.visit(statement, scope);
  }

  visit(node: Node | null | undefined, scope: Scope): void {
    if (!node) return;
    if (node.type.startsWith('TS') && !runtimeTsNodes.has(node.type)) return this.visitTsDeclaration(node, scope);
    switch (node.type) {
      case 'Identifier':
        return this.reference(node, scope, false);
      case 'ImportDeclaration':
        for (const specifier of node.specifiers) scope.names.add(specifier.local.name);
        return;
      case 'ExportNamedDeclaration':
      case 'ExportDefaultDeclaration':
        // Export specifiers are module-level names: never part of an action's closure.
        return this.visit(node.declaration, scope);
      case 'VariableDeclaration':
        return this.visitVariableDeclaration(node, scope);
      case 'FunctionDeclaration':
        if (node.declare || !node.body) return;
        if (node.id) scope.names.add(node.id.name);
        return this.visitFunction(node, null, scope);
      case 'ClassDeclaration':
        if (node.declare) return;
        if (node.id) scope.names.add(node.id.name);
        return this.visitClass(node, scope);
      case 'ClassExpression': {
        const classScope = new Scope(scope, 'block');
        if (node.id) classScope.names.add(node.id.name);
        return this.visitClass(node, classScope);
      }
      case 'BlockStatement':
        return this.visitStatements(node.body, new Scope(scope, 'block'));
      case 'StaticBlock':
        return this.visitStatements(node.body, new Scope(scope, 'function'));
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement':
        return this.visitFor(node, new Scope(scope, 'block'));
      case 'CatchClause': {
        const catchScope = new Scope(scope, 'block');
        if (node.param) this.declare(node.param, catchScope, catchScope);
        return this.visit(node.body, catchScope);
      }
      case 'SwitchStatement': {
        this.visit(node.discriminant, scope);
        const casesScope = new Scope(scope, 'block');
        for (const switchCase of node.cases) {
          this.visit(switchCase.test, casesScope);
          this.visitStatements(switchCase.consequent, casesScope);
        }
        return;
      }
      case 'LabeledStatement':
        return this.visit(node.body, scope);
      case 'BreakStatement':
      case 'ContinueStatement':
      case 'MetaProperty':
        return;
      case 'MemberExpression':
        this.visit(node.object, scope);
        if (node.computed) this.visit(node.property, scope);
        return;
      case 'Property':
        if (node.computed) this.visit(node.key, scope);
        // A shorthand `{ id }` has the same Identifier as value: visiting the value reads `id`.
        if (node.method || node.kind !== 'init') return this.visitFunction(node.value, node, scope);
        return this.visit(node.value, scope);
      case 'AssignmentExpression':
        this.assign(node.left, scope);
        return this.visit(node.right, scope);
      case 'UpdateExpression':
        return this.assign(node.argument, scope);
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        return this.visitFunction(node, null, scope);
      case 'JSXElement':
        this.visitJsxName(node.openingElement.name, scope);
        for (const attribute of node.openingElement.attributes) {
          this.visit(attribute.type === 'JSXAttribute' ? attribute.value : attribute.argument, scope);
        }
        // The closing tag repeats the opening name; it is not another read.
        return this.visitChildren(node.children, scope);
      case 'JSXFragment':
        return this.visitChildren(node.children, scope);
      default:
        return this.visitChildNodes(node, scope);
    }
  }

  private visitChildren(children: Node[], scope: Scope): void {
    for (const child of children) this.visit(child, scope);
  }

  /** Every other node: its children, minus type annotations. */
  private visitChildNodes(node: Node, scope: Scope): void {
    for (const key in node) {
      if (skippedKeys.has(key)) continue;
      const value = node[key];
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) this.visit(item, scope);
      } else if (isNode(value)) {
        this.visit(value, scope);
      }
    }
  }

  /** Enums and namespaces have runtime names and values; every other TS node is a type. */
  private visitTsDeclaration(node: Node, scope: Scope): void {
    if (node.declare) return;
    if (node.type === 'TSEnumDeclaration') {
      scope.names.add(node.id.name);
      for (const member of node.body?.members ?? node.members ?? []) this.visit(member.initializer, scope);
    } else if (node.type === 'TSModuleDeclaration') {
      if (node.id?.type === 'Identifier') scope.names.add(node.id.name);
      if (node.body?.type === 'TSModuleBlock') this.visitStatements(node.body.body, new Scope(scope, 'function'));
    } else if (node.type === 'TSImportEqualsDeclaration') {
      scope.names.add(node.id.name);
    }
  }

  private visitVariableDeclaration(node: Node, scope: Scope): void {
    if (node.declare) return;
    const target = node.kind === 'var' ? scope.varScope : scope;
    for (const declarator of node.declarations) {
      this.declare(declarator.id, target, scope);
      this.visit(declarator.init, scope);
    }
  }

  private visitFor(node: Node, loopScope: Scope): void {
    if (node.type === 'ForStatement') {
      this.visit(node.init, loopScope);
      this.visit(node.test, loopScope);
      this.visit(node.update, loopScope);
    } else {
      if (node.left.type === 'VariableDeclaration') this.visitVariableDeclaration(node.left, loopScope);
      else this.assign(node.left, loopScope);
      this.visit(node.right, loopScope);
    }
    this.visit(node.body, loopScope);
  }

  private visitClass(node: Node, scope: Scope): void {
    for (const decorator of node.decorators ?? []) this.visit(decorator, scope);
    this.visit(node.superClass, scope);
    for (const member of node.body.body as Node[]) {
      if (member.type.startsWith('TS')) continue;
      for (const decorator of member.decorators ?? []) this.visit(decorator, scope);
      if (member.computed) this.visit(member.key, scope);
      if (member.type === 'StaticBlock') this.visit(member, scope);
      else if (member.type === 'MethodDefinition') this.visitFunction(member.value, member, scope);
      // A field initializer runs with the instance as `this`: its own function-like scope.
      else this.visit(member.value, new Scope(scope, 'function'));
    }
  }

  /** `method` is the Property or MethodDefinition when `fn` is a method's value. */
  private visitFunction(fn: Node, method: Node | null, scope: Scope): void {
    const fnScope = new Scope(scope, 'function');
    const action = isInlineAction(fn) ? this.enterAction(fn, method, scope, fnScope) : null;
    const outer = this.current;
    if (action) this.current = action;
    if (fn.type === 'FunctionExpression' && fn.id) fnScope.names.add(fn.id.name);
    for (const param of fn.params) this.declare(param.type === 'TSParameterProperty' ? param.parameter : param, fnScope, fnScope);
    // The body block shares the params' scope: `let x` there may not redeclare a param anyway.
    if (fn.body?.type === 'BlockStatement') this.visitStatements(fn.body.body, fnScope);
    else this.visit(fn.body, fnScope);
    this.current = outer;
  }

  private enterAction(fn: Node, method: Node | null, scope: Scope, fnScope: Scope): ActionSite {
    if (this.current) throw this.errors.nested(fn);
    if (method) throw this.errors.method(fn, method);
    const isDeclaration = fn.type === 'FunctionDeclaration';
    const atModuleLevel = isDeclaration && scope === this.moduleScope;
    const action: ActionSite = {
      fn,
      scope: fnScope,
      references: [],
      keepInPlace: atModuleLevel && fn.id !== null,
      declaredName: isDeclaration && !atModuleLevel ? fn.id.name : null,
      selfName: fn.id?.name ?? null,
      selfScope: fn.id ? (isDeclaration ? scope : fnScope) : null,
      anonymousDefault: atModuleLevel && fn.id === null,
    };
    this.actions.push(action);
    return action;
  }

  /** Declares the names a binding pattern introduces; defaults and computed keys in it are reads. */
  private declare(pattern: Node, target: Scope, scope: Scope): void {
    switch (pattern.type) {
      case 'Identifier':
        target.names.add(pattern.name);
        return;
      case 'ObjectPattern':
        for (const property of pattern.properties) {
          if (property.type === 'RestElement') this.declare(property.argument, target, scope);
          else {
            if (property.computed) this.visit(property.key, scope);
            this.declare(property.value, target, scope);
          }
        }
        return;
      case 'ArrayPattern':
        for (const element of pattern.elements) if (element) this.declare(element, target, scope);
        return;
      case 'RestElement':
        return this.declare(pattern.argument, target, scope);
      case 'AssignmentPattern':
        this.declare(pattern.left, target, scope);
        return this.visit(pattern.right, scope);
    }
  }

  /** The target of `=`, `++` or a for-in/of: identifiers in it are written, not read. */
  private assign(target: Node, scope: Scope): void {
    switch (target.type) {
      case 'Identifier':
        return this.reference(target, scope, true);
      case 'ObjectPattern':
        for (const property of target.properties) {
          if (property.type === 'RestElement') this.assign(property.argument, scope);
          else {
            if (property.computed) this.visit(property.key, scope);
            this.assign(property.value, scope);
          }
        }
        return;
      case 'ArrayPattern':
        for (const element of target.elements) if (element) this.assign(element, scope);
        return;
      case 'RestElement':
        return this.assign(target.argument, scope);
      case 'AssignmentPattern':
        this.assign(target.left, scope);
        return this.visit(target.right, scope);
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'ParenthesizedExpression':
        return this.assign(target.expression, scope);
      default:
        return this.visit(target, scope);
    }
  }

  /** `<Foo>` and `<foo.Bar>` read a variable; `<div>` and `<my-element>` are intrinsic tags. */
  private visitJsxName(name: Node, scope: Scope): void {
    if (name.type === 'JSXMemberExpression') {
      let object = name.object;
      while (object.type === 'JSXMemberExpression') object = object.object;
      if (object.type === 'JSXIdentifier' && object.name !== 'this') this.reference(object, scope, false);
    } else if (name.type === 'JSXIdentifier' && !/^[a-z]/.test(name.name) && !name.name.includes('-')) {
      this.reference(name, scope, false);
    }
  }

  private reference(node: Node, scope: Scope, write: boolean): void {
    this.current?.references.push({ node, scope, write });
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
}

function isInlineAction(fn: Node): boolean {
  return fn.body?.type === 'BlockStatement' && readModuleDirective(fn.body) === 'use server';
}

// ---------------------------------------------------------------------------------------------
// Errors: the user's mistake, why it is one, and the fix, at file:line:column.

class ActionErrors {
  constructor(
    private readonly code: string,
    private readonly file: string,
  ) {}

  notAsync(fn: Node): NexxoBuildError {
    const fix = fn.type === 'ArrowFunctionExpression' ? "`async () => { 'use server'; … }`" : `\`async function ${fn.id?.name ?? ''}(…) { 'use server'; … }\``;
    return this.error(fn, 'inline server actions must be async functions: the client calls them over the network and awaits the result.', `add \`async\`: ${fix}.`);
  }

  nested(fn: Node): NexxoBuildError {
    return this.error(fn, 'an inline server action inside another inline server action is not supported.', 'move the inner action to module level, or into a file that starts with "use server", and import it.');
  }

  method(fn: Node, method: Node): NexxoBuildError {
    const name = method.key?.type === 'Identifier' ? method.key.name : 'action';
    return this.error(fn, 'a method cannot be an inline server action.', `use a property that holds an async function: \`${name}: async () => { 'use server'; … }\`, or move the action into a "use server" file.`);
  }

  closureAssigned(identifier: Node): NexxoBuildError {
    const name: string = identifier.name;
    return this.error(
      identifier,
      `the inline server action assigns to \`${name}\` of the enclosing function. The action runs on the server with a copy of \`${name}\` sent from the client, so the assignment cannot change the component's variable.`,
      `assign to a local variable instead: \`let next = ${name}; next = …\`.`,
    );
  }

  closureInParams(identifier: Node): NexxoBuildError {
    const name: string = identifier.name;
    return this.error(
      identifier,
      `a parameter of the inline server action reads \`${name}\` of the enclosing function, but those values are only available once the action's body starts.`,
      `read \`${name}\` inside the function body instead.`,
    );
  }

  private error(node: Node, reason: string, fix: string): NexxoBuildError {
    const before = this.code.slice(0, node.start);
    const line = before.split('\n').length;
    const column = node.start - before.lastIndexOf('\n');
    return new NexxoBuildError('NEXXO_SERVER_ACTION', formatDiagnostic(`${this.file}:${line}:${column}`, reason, fix), { file: this.file });
  }
}
