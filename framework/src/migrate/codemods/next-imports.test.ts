import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseSource, walk, nameOf, child } from './ast.js';
import { NEXXO_ROOT_TYPES, SUPPORTED_NEXT_MODULES } from './next-modules.js';
import { rewriteNextImports } from './next-imports.js';

const rewrites: Array<{ name: string; before: string; after: string; changes: number[] }> = [
  {
    name: 'rewrites static imports and keeps each quote style',
    before: `import Link from 'next/link';\nimport { useRouter } from "next/navigation";\n`,
    after: `import Link from 'nexxo/link';\nimport { useRouter } from "nexxo/navigation";\n`,
    changes: [1, 2],
  },
  {
    name: 'rewrites re-exports, dynamic imports, require() and test mocks',
    before: `export { default } from 'next/image';\nexport * from 'next/server';\nconst D = import('next/dynamic');\nconst { cookies } = require('next/headers');\nvi.mock('next/navigation', () => ({}));\n`,
    after: `export { default } from 'nexxo/image';\nexport * from 'nexxo/server';\nconst D = import('nexxo/dynamic');\nconst { cookies } = require('nexxo/headers');\nvi.mock('nexxo/navigation', () => ({}));\n`,
    changes: [1, 2, 3, 4, 5],
  },
  {
    name: 'rewrites font, og, cache, script and form modules and a .js suffix',
    before: `import { Inter } from 'next/font/google';\nimport local from 'next/font/local';\nimport { ImageResponse } from 'next/og';\nimport { revalidatePath } from 'next/cache';\nimport Script from 'next/script';\nimport Form from 'next/form';\nimport L from 'next/link.js';\n`,
    after: `import { Inter } from 'nexxo/font/google';\nimport local from 'nexxo/font/local';\nimport { ImageResponse } from 'nexxo/og';\nimport { revalidatePath } from 'nexxo/cache';\nimport Script from 'nexxo/script';\nimport Form from 'nexxo/form';\nimport L from 'nexxo/link';\n`,
    changes: [1, 2, 3, 4, 5, 6, 7],
  },
  {
    name: 'rewrites type imports from the bare package when nexxo exports every name',
    before: `import type { Metadata, Viewport } from 'next';\nimport { type MetadataRoute } from 'next';\ntype R = import('next').ResolvingMetadata;\n`,
    after: `import type { Metadata, Viewport } from 'nexxo';\nimport { type MetadataRoute } from 'nexxo';\ntype R = import('nexxo').ResolvingMetadata;\n`,
    changes: [1, 2, 3],
  },
  {
    name: 'leaves comments, template-literal specifiers and other modules alone except for the specifier',
    before: `// from 'next/link'\nimport Link /* the link */ from   'next/link' ;\nimport x from 'nextjs-toploader';\nconst m = await import(\`next/og\`);\n`,
    after: `// from 'next/link'\nimport Link /* the link */ from   'nexxo/link' ;\nimport x from 'nextjs-toploader';\nconst m = await import(\`nexxo/og\`);\n`,
    changes: [2, 4],
  },
];

describe('rewriteNextImports', () => {
  for (const { name, before, after, changes } of rewrites) {
    it(name, () => {
      const result = rewriteNextImports(before, 'app/page.tsx');
      expect(result.code).toBe(after);
      expect(result.changes.map((change) => change.line)).toEqual(changes);
      expect(result.warnings).toEqual([]);
      expect(rewriteNextImports(result.code, 'app/page.tsx')).toEqual({ code: result.code, changes: [], warnings: [] });
    });
  }

  it('names the change it made', () => {
    expect(rewriteNextImports(`import Link from 'next/link';`, 'a.tsx').changes).toEqual([{ line: 1, message: '`next/link` → `nexxo/link`' }]);
  });

  it('leaves unsupported modules and warns with what to use instead', () => {
    const source = `import { useRouter } from 'next/router';\nimport Head from 'next/head';\nimport getConfig from 'next/config';\nimport Image from 'next/legacy/image';\nimport { x } from 'next/dist/client/components/x';\nimport y from 'next/something-new';\n`;
    const result = rewriteNextImports(source, 'app/page.tsx');
    expect(result.code).toBe(source);
    expect(result.changes).toEqual([]);
    expect(result.warnings.map((warning) => warning.line)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(result.warnings[0]!.message).toBe('`next/router` is not provided by Nexxo and was left as it is: the Pages Router is not supported: use `useRouter`, `usePathname` and `useSearchParams` from `next/navigation`.');
    expect(result.warnings[1]!.message).toContain('metadata API');
    expect(result.warnings[2]!.message).toContain('process.env');
    expect(result.warnings[3]!.message).toContain('use `next/image`');
    expect(result.warnings[4]!.message).toContain('internals');
    expect(result.warnings[5]!.message).toContain('`next/something-new` is not provided by Nexxo');
  });

  it('keeps an import from next that names a type nexxo does not export, and names it', () => {
    const source = `import type { Metadata, NextConfig } from 'next';\n`;
    const result = rewriteNextImports(source, 'next.config.ts');
    expect(result.code).toBe(source);
    expect(result.warnings).toEqual([{ line: 1, message: 'Kept the import from `next`: `nexxo` does not export `NextConfig` (the config type is `NexxoConfig`, for `nexxo.config.ts`).' }]);
  });

  it('keeps default, namespace and run-time imports of next, with a warning', () => {
    const source = `import next from 'next';\nimport * as N from 'next';\nconst n = require('next');\nexport * from 'next';\n`;
    const result = rewriteNextImports(source, 'server.js');
    expect(result.code).toBe(source);
    expect(result.warnings.map((warning) => warning.line)).toEqual([1, 2, 3, 4]);
  });

  it('throws an error naming the file when it does not parse', () => {
    expect(() => rewriteNextImports('import from;', 'app/broken.ts')).toThrow(/^Cannot parse app\/broken\.ts, so it was left unchanged: .+/);
  });
});

describe('next-modules', () => {
  const exportsDir = fileURLToPath(new URL('../../exports/', import.meta.url));

  it('lists only root types that nexxo exports', () => {
    const exported = new Set<string>();
    walk(parseSource(readFileSync(`${exportsDir}index.ts`, 'utf8'), 'index.ts'), (node) => {
      if (node.type === 'ExportSpecifier') exported.add(nameOf(child(node, 'exported'))!);
    });
    for (const name of NEXXO_ROOT_TYPES) expect(exported).toContain(name);
  });

  it('maps each supported module to the same path under nexxo', () => {
    for (const [from, to] of Object.entries(SUPPORTED_NEXT_MODULES)) expect(to).toBe(from.replace(/^next\//, 'nexxo/'));
  });
});
