/** Where font loaders are imported from, by loader. */
export const FONT_LOADER_SOURCES: Record<string, 'local' | 'google'> = {
  'nexxo/font/local': 'local',
  'next/font/local': 'local',
  'nexxo/font/google': 'google',
  'next/font/google': 'google',
};

/** One `const x = loader({ … })` at the top level of a module. */
export interface FontCall {
  loader: 'local' | 'google';
  /** The module it is imported from, as written (`next/font/google`). */
  source: string;
  /** `localFont`'s import name is irrelevant; for Google, the family's export name (`Roboto_Mono`). */
  exportName: string;
  /** The name of the const it is assigned to (`const inter = …`). */
  variableName: string;
  options: Record<string, unknown>;
  /** The call expression's range in the source. */
  start: number;
  end: number;
  line: number;
}

export interface FontCalls {
  /** Import declarations of font loaders (their range), in source order. */
  imports: Array<{ start: number; end: number }>;
  calls: FontCall[];
}

/** A font loader used in a way Nexxo cannot compile; `start` locates it. */
export class FontCallError extends Error {
  readonly start: number;
  readonly fix: string;
  constructor(reason: string, fix: string, start: number) {
    super(reason);
    this.name = 'FontCallError';
    this.start = start;
    this.fix = fix;
  }
}

type Node = { type: string; start: number; end: number; [key: string]: any };

// Type-only parts of TypeScript syntax: a loader's name there is no call.
const TYPE_KEYS = new Set(['typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'superTypeArguments']);
const TYPE_NODES = new Set(['TSTypeAliasDeclaration', 'TSInterfaceDeclaration', 'TSDeclareFunction', 'TSTypeQuery']);

/**
 * Finds the font loader calls of a module (an ESTree program). As in Next.js, a loader must be
 * called at the top level of the module, its result assigned to a `const`, with options written as
 * literals: Nexxo evaluates them at build time, when no other code has run.
 */
export function findFontCalls(program: Node, lineOf: (offset: number) => number): FontCalls {
  const loaders = new Map<string, { loader: 'local' | 'google'; exportName: string; source: string }>();
  const imports: FontCalls['imports'] = [];
  for (const statement of program.body as Node[]) {
    if (statement.type !== 'ImportDeclaration' || statement.importKind === 'type') continue;
    const loader = FONT_LOADER_SOURCES[statement.source.value as string];
    if (!loader) continue;
    imports.push({ start: statement.start, end: statement.end });
    for (const specifier of statement.specifiers as Node[]) {
      if (specifier.importKind === 'type') continue;
      if (specifier.type === 'ImportNamespaceSpecifier')
        throw new FontCallError(`\`import * as ${specifier.local.name} from '${statement.source.value}'\` cannot be compiled.`, loader === 'local' ? `write \`import localFont from '${statement.source.value}'\`.` : `import each font by name: \`import { Inter } from '${statement.source.value}'\`.`, specifier.start);
      if (specifier.type === 'ImportDefaultSpecifier' && loader === 'google')
        throw new FontCallError(`'${statement.source.value}' has no default export.`, `import each font by name: \`import { Inter } from '${statement.source.value}'\`.`, specifier.start);
      const exportName = specifier.type === 'ImportDefaultSpecifier' ? 'default' : (specifier.imported.name ?? specifier.imported.value);
      if (loader === 'local' && exportName !== 'default') throw new FontCallError(`'${statement.source.value}' has only a default export.`, `write \`import localFont from '${statement.source.value}'\`.`, specifier.start);
      loaders.set(specifier.local.name, { loader, exportName, source: statement.source.value as string });
    }
  }
  const calls: FontCall[] = [];
  if (loaders.size === 0) return { imports, calls };

  const visit = (node: Node, ancestors: Node[], key: string | null) => {
    if (TYPE_NODES.has(node.type)) return;
    if (node.type === 'Identifier' && loaders.has(node.name) && isReference(ancestors.at(-1), key)) {
      calls.push(loaderCall(node, ancestors, key, loaders.get(node.name)!, lineOf));
      return;
    }
    ancestors.push(node);
    for (const [childKey, value] of Object.entries(node)) {
      if (TYPE_KEYS.has(childKey) || value === null || typeof value !== 'object') continue;
      for (const child of Array.isArray(value) ? value : [value]) if (child && typeof child.type === 'string') visit(child, ancestors, childKey);
    }
    ancestors.pop();
  };
  for (const statement of program.body as Node[]) if (statement.type !== 'ImportDeclaration') visit(statement, [program], 'body');
  return { imports, calls };
}

/** Whether an identifier refers to a binding (not a property name, an object key or a label). */
function isReference(parent: Node | undefined, key: string | null): boolean {
  if (!parent) return true;
  if (parent.type === 'MemberExpression' && key === 'property' && !parent.computed) return false;
  if ((parent.type === 'Property' || parent.type === 'PropertyDefinition' || parent.type === 'MethodDefinition') && key === 'key' && !parent.computed && !parent.shorthand) return false;
  if (parent.type === 'LabeledStatement' || parent.type === 'BreakStatement' || parent.type === 'ContinueStatement') return false;
  return true;
}

function loaderCall(node: Node, ancestors: Node[], key: string | null, loader: { loader: 'local' | 'google'; exportName: string; source: string }, lineOf: (offset: number) => number): FontCall {
  const name = node.name as string;
  const call = ancestors.at(-1);
  if (!call || call.type !== 'CallExpression' || key !== 'callee')
    throw new FontCallError(`\`${name}\` is used without being called; a font loader can only be called.`, `write \`const font = ${name}({ … })\` at the top level of the module and use \`font\`.`, node.start);
  const declarator = ancestors.at(-2);
  const declaration = ancestors.at(-3);
  const container = ancestors.at(-4);
  const topLevel = container?.type === 'Program' || (container?.type === 'ExportNamedDeclaration' && ancestors.at(-5)?.type === 'Program');
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== call || declarator.id.type !== 'Identifier' || declaration?.type !== 'VariableDeclaration' || !topLevel)
    throw new FontCallError(`\`${name}(…)\` must be assigned to a const at the top level of the module.`, `write \`const font = ${name}({ … })\` outside any function, and use \`font.className\` where you need it.`, call.start);
  if (declaration.kind !== 'const') throw new FontCallError(`\`${name}(…)\` must be assigned to a const, not a ${declaration.kind}.`, `write \`const ${declarator.id.name} = ${name}({ … })\`.`, declaration.start);
  const args = call.arguments as Node[];
  if (args.length > 1 || (loader.loader === 'local' && args.length === 0))
    throw new FontCallError(`\`${name}\` takes one argument, an object of options.`, loader.loader === 'local' ? `write \`${name}({ src: './my-font.woff2' })\`.` : `write \`${name}({ subsets: ['latin'] })\`.`, call.start);
  const options = args.length === 0 ? {} : literalValue(args[0]!, name);
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new FontCallError(`The argument of \`${name}\` must be an object of options.`, `write \`${name}({ … })\`.`, args[0]!.start);
  return { loader: loader.loader, source: loader.source, exportName: loader.exportName, variableName: declarator.id.name, options: options as Record<string, unknown>, start: call.start, end: call.end, line: lineOf(call.start) };
}

/** Evaluates an options literal; anything that needs other code to run is an error. */
function literalValue(node: Node, loaderName: string): unknown {
  switch (node.type) {
    case 'Literal':
      if (node.regex || typeof node.value === 'bigint') break;
      return node.value;
    case 'TemplateLiteral':
      if (node.expressions.length > 0) break;
      return node.quasis[0].value.cooked;
    case 'UnaryExpression':
      if (node.operator === '-' && node.argument.type === 'Literal' && typeof node.argument.value === 'number') return -node.argument.value;
      break;
    case 'Identifier':
      if (node.name === 'undefined') return undefined;
      break;
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSNonNullExpression':
    case 'ParenthesizedExpression':
      return literalValue(node.expression, loaderName);
    case 'ArrayExpression':
      return (node.elements as Array<Node | null>).map((element) => {
        if (!element || element.type === 'SpreadElement') throw notLiteral(element ?? node, loaderName);
        return literalValue(element, loaderName);
      });
    case 'ObjectExpression': {
      const object: Record<string, unknown> = {};
      for (const property of node.properties as Node[]) {
        if (property.type !== 'Property' || property.kind !== 'init' || property.method || property.computed || property.shorthand) throw notLiteral(property, loaderName);
        const key = property.key.type === 'Identifier' ? property.key.name : property.key.value;
        if (typeof key !== 'string' && typeof key !== 'number') throw notLiteral(property, loaderName);
        object[String(key)] = literalValue(property.value, loaderName);
      }
      return object;
    }
  }
  throw notLiteral(node, loaderName);
}

function notLiteral(node: Node, loaderName: string): FontCallError {
  return new FontCallError(
    `The options of \`${loaderName}\` must be written out as literals (strings, numbers, booleans, and arrays and objects of them): Nexxo reads them at build time, before any of your code runs.`,
    'write the value itself here instead of a variable, a function call or a spread.',
    node.start,
  );
}
