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

/** A cheap text test that lets most modules skip parsing. */
export function mayHaveDirective(code: string): boolean {
  return code.includes('use client') || code.includes('use server');
}
