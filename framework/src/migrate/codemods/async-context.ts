import { type AstNode, type ParentMap, createLineLocator, indexParents, isReference, parseSource, walk } from './ast.js';
import { SpanEdits } from './span-edits.js';
import type { CodemodChange, CodemodResult } from './types.js';

/** State shared by the passes of `rewriteAsyncRequestApis` over one file. */
export interface AsyncCodemodContext {
  readonly source: string;
  readonly program: AstNode;
  readonly parents: ParentMap;
  readonly edits: SpanEdits;
  readonly changes: CodemodChange[];
  readonly warnings: CodemodChange[];
  /** Functions this run has made async, so the passes never insert `async` twice. */
  readonly madeAsync: Set<AstNode>;
  /** Names this run declared, per function, so two new locals never collide. */
  readonly declaredNames: Map<AstNode, Set<string>>;
  readonly lineOf: (offset: number) => number;
}

export function createAsyncContext(source: string, file: string): AsyncCodemodContext {
  const program = parseSource(source, file);
  const parents = indexParents(program);
  return { source, program, parents, edits: new SpanEdits(), changes: [], warnings: [], madeAsync: new Set(), declaredNames: new Map(), lineOf: createLineLocator(source) };
}

export function recordChange(context: AsyncCodemodContext, offset: number, message: string): void {
  context.changes.push({ line: context.lineOf(offset), message });
}

export function recordWarning(context: AsyncCodemodContext, offset: number, message: string): void {
  context.warnings.push({ line: context.lineOf(offset), message });
}

/**
 * `base`, or `base2`, `base3`… when the function already mentions that name: a new local in `fn`
 * must not shadow anything the function reads, nor collide with its own bindings.
 */
export function uniqueName(context: AsyncCodemodContext, base: string, fn: AstNode): string {
  const declared = context.declaredNames.get(fn) ?? new Set<string>();
  context.declaredNames.set(fn, declared);
  const mentioned = new Set(declared);
  walk(fn, (node) => {
    if (node.type === 'Identifier' && isReference(node, context.parents.get(node))) mentioned.add(node.name as string);
  });
  let name = base;
  for (let suffix = 2; mentioned.has(name); suffix++) name = `${base}${suffix}`;
  declared.add(name);
  return name;
}

export function finishAsyncCodemod(context: AsyncCodemodContext): CodemodResult {
  const byLine = (a: CodemodChange, b: CodemodChange) => a.line - b.line;
  return {
    code: context.edits.size > 0 ? context.edits.apply(context.source) : context.source,
    changes: context.changes.sort(byLine),
    warnings: context.warnings.sort(byLine),
  };
}
