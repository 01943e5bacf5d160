import { isBuiltin } from 'node:module';
import { child, children, nameOf, requiredModule, type Node } from './estree.js';
import { quoteLike } from './source-text.js';

/** A replacement of `source.slice(start, end)`; `text: ''` removes it. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Next.js's phase names, the values of `next/constants`, which does not exist once `next` is gone. */
const NEXT_CONSTANTS: Record<string, string> = {
  PHASE_EXPORT: 'phase-export',
  PHASE_PRODUCTION_BUILD: 'phase-production-build',
  PHASE_PRODUCTION_SERVER: 'phase-production-server',
  PHASE_DEVELOPMENT_SERVER: 'phase-development-server',
  PHASE_TEST: 'phase-test',
  PHASE_INFO: 'phase-info',
};

export interface ModuleCodeOptions {
  /** Packages whose imports go (Next.js config plugins that were unwrapped). */
  droppedModules: Set<string>;
  /** Statements that only built the config. */
  consumed: Set<Node>;
}

/**
 * Edits for the top-level code a next.config keeps in nexxo.config.ts: imports from Next.js and
 * from unwrapped plugins go, `next/constants` becomes constants, and a plain `require()` of a
 * package becomes an `import`, since nexxo.config.ts is an ES module. The rest stays verbatim.
 */
export function moduleCodeEdits(source: string, body: Node[], options: ModuleCodeOptions): { edits: TextEdit[]; requiresLeft: Node[] } {
  const edits: TextEdit[] = [];
  const requiresLeft: Node[] = [];
  const remove = (statement: Node) => edits.push({ ...wholeLines(source, statement), text: '' });
  for (const statement of body) {
    if (options.consumed.has(statement)) {
      remove(statement);
      continue;
    }
    if (statement.type === 'ExpressionStatement' && typeof statement.directive === 'string') {
      remove(statement);
      continue;
    }
    const module = importedModule(statement);
    if (module === 'next/constants') {
      edits.push({ ...statementSpan(statement), text: constantsFor(statement, source) });
    } else if (module !== null && (module === 'next' || options.droppedModules.has(module))) {
      remove(statement);
    } else if (statement.type === 'VariableDeclaration' && module !== null) {
      const converted = requireAsImport(statement, module, source);
      if (converted) edits.push({ ...statementSpan(statement), text: converted });
      else requiresLeft.push(statement);
    }
  }
  return { edits, requiresLeft };
}

/** The module an import statement or a top-level `const x = require('m')` loads. */
function importedModule(statement: Node): string | null {
  if (statement.type === 'ImportDeclaration') return nameOf(child(statement, 'source'));
  if (statement.type !== 'VariableDeclaration') return null;
  const [declarator, ...others] = children(statement, 'declarations');
  return declarator && others.length === 0 ? requiredModule(child(declarator, 'init')) : null;
}

function constantsFor(statement: Node, source: string): string {
  const names =
    statement.type === 'ImportDeclaration'
      ? children(statement, 'specifiers').map((specifier) => [nameOf(child(specifier, 'imported')), nameOf(child(specifier, 'local'))] as const)
      : children(child(children(statement, 'declarations')[0]!, 'id')!, 'properties').map((property) => [nameOf(child(property, 'key')), nameOf(child(property, 'value'))] as const);
  return names
    .filter(([imported]) => imported !== null && imported in NEXT_CONSTANTS)
    .map(([imported, local]) => `const ${local ?? imported} = ${quoteLike(source, NEXT_CONSTANTS[imported!]!)};`)
    .join('\n');
}

/** `const x = require('pkg')` → `import x from 'pkg';`; destructuring only from Node's built-ins. */
function requireAsImport(statement: Node, module: string, source: string): string | null {
  if (module.startsWith('.') || module.endsWith('.json')) return null;
  const id = child(children(statement, 'declarations')[0]!, 'id')!;
  if (id.type === 'Identifier') return `import ${id.name as string} from ${quoteLike(source, module)};`;
  // A package's named exports are only importable when Node can detect them in its CommonJS.
  if (id.type !== 'ObjectPattern' || !isBuiltin(module)) return null;
  const specifiers: string[] = [];
  for (const property of children(id, 'properties')) {
    const key = property.type === 'Property' ? nameOf(child(property, 'key')) : null;
    const value = child(property, 'value');
    if (!key || value?.type !== 'Identifier' || property.computed === true) return null;
    specifiers.push(key === value.name ? key : `${key} as ${value.name as string}`);
  }
  return `import { ${specifiers.join(', ')} } from ${quoteLike(source, module)};`;
}

function statementSpan(statement: Node): { start: number; end: number } {
  return { start: statement.start, end: statement.end };
}

/** A statement with the rest of its line and the comment lines right above it that describe it. */
function wholeLines(source: string, statement: Node): { start: number; end: number } {
  let end = statement.end;
  const rest = /^[ \t]*(\/\/[^\n]*)?\r?\n?/.exec(source.slice(end))!;
  end += rest[0].length;
  let start = statement.start;
  const before = source.slice(0, start);
  const comment = /(?:^|\n)([ \t]*\/\*(?:(?!\*\/)[^])*\*\/[ \t]*\r?\n[ \t]*)$/.exec(before);
  // Only a type annotation for Next.js travels with its statement; other comments may say more.
  if (comment && /import\(['"]next['"]\)/.test(comment[1]!)) start -= comment[1]!.length;
  else start -= /[ \t]*$/.exec(before)![0].length;
  return { start, end };
}

/** Applies non-overlapping edits to `source`. */
export function applyEdits(source: string, edits: TextEdit[]): string {
  let result = source;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}
