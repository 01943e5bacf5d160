import { type AstNode, child, children, nameOf } from './ast.js';
import { type AsyncCodemodContext, recordChange } from './async-context.js';

/** The name a person would use for a function: its own, its variable's, or "the default export". */
export function functionLabel(context: AsyncCodemodContext, fn: AstNode): string {
  const parent = context.parents.get(fn);
  const name = nameOf(child(fn, 'id')) ?? (parent?.type === 'VariableDeclarator' ? nameOf(child(parent, 'id')) : undefined);
  return name ? `\`${name}\`` : 'the default export';
}

/** Makes `fn` async (once per run) and turns a declared return type `T` into `Promise<T>`. */
export function makeAsync(context: AsyncCodemodContext, fn: AstNode, reason: string): void {
  if (fn.async === true || context.madeAsync.has(fn)) return;
  context.madeAsync.add(fn);
  context.edits.insert(fn.start, 'async ');
  const returnType = child(fn, 'returnType');
  const type = returnType && child(returnType, 'typeAnnotation');
  if (type && !isPromiseType(type)) {
    context.edits.insert(type.start, 'Promise<');
    context.edits.insert(type.end, '>');
  }
  recordChange(context, fn.start, `Made ${functionLabel(context, fn)} async ${reason}.`);
}

export function isPromiseType(type: AstNode): boolean {
  return type.type === 'TSTypeReference' && nameOf(child(type, 'typeName')) === 'Promise';
}

/**
 * Inserts statements at the top of a function body, after its directives ("use cache"), on their
 * own lines with the body's indentation. An arrow with an expression body gets a block.
 */
export function insertAtBodyTop(context: AsyncCodemodContext, fn: AstNode, statements: string[]): void {
  const { source, edits } = context;
  const body = child(fn, 'body')!;
  const code = statements.join(' ');
  if (body.type !== 'BlockStatement') {
    // `(p) => expr` → `(p) => { statements return expr; }`; the span after `=>` keeps any parentheses.
    const arrow = source.indexOf('=>', (child(fn, 'returnType') ?? children(fn, 'params').at(-1) ?? fn).end);
    let bodyStart = arrow + 2;
    while (/\s/.test(source[bodyStart]!)) bodyStart++;
    edits.insert(bodyStart, `{ ${code} return `, -1);
    edits.insert(fn.end, '; }', 1);
    return;
  }
  const statementsInBody = children(body, 'body');
  const directives = statementsInBody.filter((statement) => typeof statement.directive === 'string');
  const first = statementsInBody[directives.length];
  const after = directives.at(-1)?.end ?? body.start + 1;
  if (first && source.slice(after, first.start).includes('\n')) {
    // On the line after the brace or directive, so comments above the first statement stay with it.
    const nextLine = source.indexOf('\n', after) + 1;
    const indent = /^[ \t]*/.exec(source.slice(source.lastIndexOf('\n', first.start - 1) + 1, first.start))![0];
    const newline = source[nextLine - 2] === '\r' ? '\r\n' : '\n';
    edits.insert(nextLine, statements.map((statement) => `${indent}${statement}${newline}`).join(''));
  } else {
    edits.insert(after, ` ${code}`);
  }
}
