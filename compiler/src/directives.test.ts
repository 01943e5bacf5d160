import { parseAst } from 'rolldown/parseAst';
import { describe, expect, it } from 'vitest';
import { leadingDirective, mayHaveInlineServerDirective, readModuleDirective } from './directives.js';

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

describe('leadingDirective (the text test before parsing)', () => {
  // Every module the parser finds a directive in must pass the text test (or it would never be parsed).
  const modules = [
    "'use client';\nexport const a = 1;",
    '"use server";\nexport async function save() {}',
    "/* license */\n// note\n'use client';\nexport const a = 1;",
    "'use strict';\n'use server';\nexport async function save() {}",
    "'use strict'\n'use client'\nexport const a = 1",
    "\uFEFF'use client';\nexport const a = 1;",
    "#!/usr/bin/env node\n'use server';\nexport async function save() {}",
    "import React from 'react';\n'use client';",
    'export const a = 1;',
    "'use strict';\nexport const a = 1;",
  ];
  it.each(modules)('agrees with the parser on %j', (code) => {
    expect(leadingDirective(code)).toBe(directiveOf(code));
  });

  it('does not see a directive in a string further down (as in React\'s error messages)', () => {
    expect(leadingDirective('const message = "Functions marked with \\"use server\\" must be async";\nexport { message };')).toBeNull();
  });
});

describe('mayHaveInlineServerDirective', () => {
  it('finds "use server" at the start of a function body, after comments too', () => {
    expect(mayHaveInlineServerDirective("export default function Page() {\n  async function save() { 'use server'; }\n}")).toBe(true);
    expect(mayHaveInlineServerDirective('const save = async () => {\n  // an action\n  "use server";\n};')).toBe(true);
  });

  it('does not match a mention of it in a string', () => {
    expect(mayHaveInlineServerDirective('throw new Error(\'Functions marked with "use server" must be async\');')).toBe(false);
  });
});
