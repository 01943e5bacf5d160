import { describe, expect, it } from 'vitest';
import { parseModule } from '../parse-module.js';
import { FontCallError, findFontCalls } from './font-calls.js';

function find(code: string, file = 'app/layout.tsx') {
  return findFontCalls(parseModule(code, file) as never, (offset) => code.slice(0, offset).split('\n').length);
}

function errorOf(code: string): { message: string; fix: string; line: number } {
  try {
    find(code);
  } catch (error) {
    if (!(error instanceof FontCallError)) throw error;
    return { message: error.message, fix: error.fix, line: code.slice(0, error.start).split('\n').length };
  }
  throw new Error('expected a FontCallError');
}

describe('findFontCalls', () => {
  it('finds top-level const calls of the local and Google loaders, with their literal options', () => {
    const code = [
      "import localFont from 'next/font/local';",
      "import { Inter, Roboto_Mono as Mono } from 'nexxo/font/google';",
      "import { other } from './other';",
      '',
      "const local = localFont({ src: [{ path: './a.woff2', weight: '400' }], display: `swap`, preload: false, adjustFontFallback: false, variable: '--font-a' as const });",
      'export const inter = Inter();',
      "const mono = Mono({ weight: ['400', '700'], subsets: ['latin'], declarations: undefined, 'fallback': ['monospace'], size: -1 });",
    ].join('\n');
    const { imports, calls } = find(code);
    expect(imports).toHaveLength(2);
    expect(calls.map(({ loader, source, exportName, variableName, line }) => ({ loader, source, exportName, variableName, line }))).toEqual([
      { loader: 'local', source: 'next/font/local', exportName: 'default', variableName: 'local', line: 5 },
      { loader: 'google', source: 'nexxo/font/google', exportName: 'Inter', variableName: 'inter', line: 6 },
      { loader: 'google', source: 'nexxo/font/google', exportName: 'Roboto_Mono', variableName: 'mono', line: 7 },
    ]);
    expect(calls[0]!.options).toEqual({ src: [{ path: './a.woff2', weight: '400' }], display: 'swap', preload: false, adjustFontFallback: false, variable: '--font-a' });
    expect(calls[1]!.options).toEqual({});
    expect(calls[2]!.options).toEqual({ weight: ['400', '700'], subsets: ['latin'], declarations: undefined, fallback: ['monospace'], size: -1 });
    expect(code.slice(calls[1]!.start, calls[1]!.end)).toBe('Inter()');
  });

  it('ignores modules without loaders, type-only uses and property names', () => {
    expect(find("import x from 'react';\nx();").calls).toEqual([]);
    const code = "import localFont from 'nexxo/font/local';\ntype Options = Parameters<typeof localFont>[0];\nconst o: Options = { localFont: 1 } as never;\nconsole.log(o.localFont);\n";
    expect(find(code).calls).toEqual([]);
  });

  it('reports options that are not literals', () => {
    const code = "import localFont from 'nexxo/font/local';\nconst src = './a.woff2';\nconst font = localFont({\n  src,\n});";
    expect(errorOf(code)).toMatchObject({ line: 4, message: expect.stringContaining('must be written out as literals') });
    expect(errorOf("import localFont from 'nexxo/font/local';\nconst font = localFont({ src: `./${name}.woff2` });").line).toBe(2);
    expect(errorOf("import localFont from 'nexxo/font/local';\nconst font = localFont({ ...base, src: 'a.woff2' });").line).toBe(2);
    expect(errorOf("import { Inter } from 'nexxo/font/google';\nconst font = Inter({ weight: getWeight() });").message).toContain('The options of `Inter` must be written out as literals');
  });

  it('reports a call that is not assigned to a top-level const', () => {
    expect(errorOf("import localFont from 'nexxo/font/local';\nfunction Page() {\n  const font = localFont({ src: './a.woff2' });\n}")).toMatchObject({ line: 3, message: '`localFont(…)` must be assigned to a const at the top level of the module.' });
    expect(errorOf("import localFont from 'nexxo/font/local';\nlet font = localFont({ src: './a.woff2' });")).toMatchObject({ line: 2, message: '`localFont(…)` must be assigned to a const, not a let.' });
    expect(errorOf("import localFont from 'nexxo/font/local';\nexport default localFont({ src: './a.woff2' });").message).toContain('must be assigned to a const');
    expect(errorOf("import localFont from 'nexxo/font/local';\nconst { className } = localFont({ src: './a.woff2' });").message).toContain('must be assigned to a const');
  });

  it('reports a loader that is passed around instead of called', () => {
    expect(errorOf("import localFont from 'nexxo/font/local';\nconst load = localFont;").message).toBe('`localFont` is used without being called; a font loader can only be called.');
    expect(errorOf("import localFont from 'nexxo/font/local';\nexport { localFont };").line).toBe(2);
  });

  it('reports imports it cannot compile', () => {
    expect(errorOf("import * as fonts from 'next/font/google';").message).toBe("`import * as fonts from 'next/font/google'` cannot be compiled.");
    expect(errorOf("import Inter from 'nexxo/font/google';").message).toBe("'nexxo/font/google' has no default export.");
    expect(errorOf("import { localFont } from 'nexxo/font/local';").message).toBe("'nexxo/font/local' has only a default export.");
  });

  it('reports a wrong number of arguments', () => {
    expect(errorOf("import localFont from 'nexxo/font/local';\nconst font = localFont();").message).toBe('`localFont` takes one argument, an object of options.');
    expect(errorOf("import { Inter } from 'nexxo/font/google';\nconst font = Inter('latin');").message).toBe('The argument of `Inter` must be an object of options.');
  });
});
