/** The module-level directives Nexxo understands. */
export type ModuleDirective = 'use client' | 'use server';

interface ProgramLike {
  body: Array<{ type: string; directive?: string | null; expression?: { type: string; value?: unknown } }>;
}

/**
 * Reads the directive prologue of a parsed module: the string statements before any other code.
 * A directive after the first statement is not a directive (same rule as JavaScript's "use strict").
 */
export function readModuleDirective(program: ProgramLike): ModuleDirective | null {
  for (const statement of program.body) {
    if (statement.type !== 'ExpressionStatement') break;
    // ESTree marks directives with `directive`; a parenthesized string is not one (it is null then).
    const value = statement.directive !== undefined ? statement.directive : statement.expression?.type === 'Literal' ? statement.expression.value : undefined;
    if (typeof value !== 'string') break;
    if (value === 'use client' || value === 'use server') return value;
  }
  return null;
}

/**
 * The module-level directive read from the text alone, without parsing: the string statements at
 * the start (after a BOM, a hashbang, whitespace and comments). Lets most modules skip parsing;
 * the parser has the last word (see readModuleDirective). A mention of "use client" elsewhere,
 * say in React's own error messages, is no reason to parse a 200 kB module on every rebuild.
 */
export function leadingDirective(code: string): ModuleDirective | null {
  let index = code.startsWith('\uFEFF') ? 1 : 0;
  if (code.startsWith('#!', index)) index = lineEnd(code, index);
  for (;;) {
    index = skipTrivia(code, index);
    const quote = code[index];
    if (quote !== '"' && quote !== "'") return null;
    const end = code.indexOf(quote, index + 1);
    if (end === -1 || code.slice(index + 1, end).includes('\n')) return null;
    const value = code.slice(index + 1, end);
    if (value === 'use client' || value === 'use server') return value;
    index = skipTrivia(code, end + 1);
    if (code[index] === ';') index++;
  }
}

/** Whether a function body may start with "use server" (an inline server action): the text test before parsing. */
export function mayHaveInlineServerDirective(code: string): boolean {
  return code.includes('use server') && INLINE_SERVER_DIRECTIVE.test(code);
}

// `{`, then whitespace and comments, then the directive string.
const INLINE_SERVER_DIRECTIVE = /\{(?:\s|\/\/[^\n]*\n|\/\*(?:[^*]|\*(?!\/))*\*\/)*(['"])use server\1/;

function skipTrivia(code: string, start: number): number {
  let index = start;
  for (;;) {
    while (index < code.length && /\s/.test(code[index]!)) index++;
    if (code.startsWith('//', index)) index = lineEnd(code, index);
    else if (code.startsWith('/*', index)) {
      const end = code.indexOf('*/', index + 2);
      index = end === -1 ? code.length : end + 2;
    } else return index;
  }
}

function lineEnd(code: string, start: number): number {
  const end = code.indexOf('\n', start);
  return end === -1 ? code.length : end;
}
