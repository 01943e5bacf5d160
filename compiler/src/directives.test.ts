import { parseAst } from 'rolldown/parseAst';
import { describe, expect, it } from 'vitest';
import { readModuleDirective } from './directives.js';

const directiveOf = (code: string) => readModuleDirective(parseAst(code, { lang: 'tsx' }) as never);

describe('readModuleDirective', () => {
  it("reads 'use client' in single quotes", () => {
    expect(directiveOf("'use client';\nexport const a = 1;")).toBe('use client');
  });

  it('reads "use server" in double quotes', () => {
    expect(directiveOf('"use server";\nexport async function save() {}')).toBe('use server');
  });

  it('still counts a directive that follows comments', () => {
    expect(directiveOf("/* license */\n// note\n'use client';\nexport const a = 1;")).toBe('use client');
  });

  it('counts a directive that follows another directive', () => {
    expect(directiveOf("'use strict';\n'use server';\nexport async function save() {}")).toBe('use server');
  });

  it('ignores a directive string after the first statement', () => {
    expect(directiveOf("import React from 'react';\n'use client';")).toBeNull();
  });

  it('returns null when there is no directive', () => {
    expect(directiveOf('export const a = 1;')).toBeNull();
    expect(directiveOf("'use strict';\nexport const a = 1;")).toBeNull();
  });
});

describe('readModuleDirective and parentheses', () => {
  it('does not treat a parenthesized string as a directive', () => {
    expect(readModuleDirective(parseAst("('use client'); export const a = 1", { lang: 'tsx' }) as never)).toBeNull();
  });
});
