import { describe, expect, it } from 'vitest';
import { MigrationReport } from './report.js';
import { migrateTsconfig } from './tsconfig.js';

describe('migrateTsconfig', () => {
  it("edits Next.js's tsconfig by span, keeping comments and layout", () => {
    const source = `{
  // Settings from create-next-app
  "compilerOptions": {
    "strict": true, /* keep this */
    "plugins": [
      {
        "name": "next"
      }
    ],
    "paths": { "@/*": ["./src/*"] },
  },
  "include": ["next-env.d.ts", "**/*.ts", "**/*.tsx", ".next/types/**/*.ts"],
  "exclude": [
    "node_modules"
  ]
}
`;
    expect(migrateTsconfig(source, new MigrationReport())).toBe(`{
  // Settings from create-next-app
  "compilerOptions": {
    "strict": true, /* keep this */
    "paths": { "@/*": ["./src/*"] },
  },
  "include": ["nexxo-env.d.ts", "**/*.ts", "**/*.tsx"],
  "exclude": [
    "node_modules",
    ".nexxo"
  ]
}
`);
  });

  it('removes only the next plugin when there are others', () => {
    const source = '{ "compilerOptions": { "plugins": [{ "name": "next" }, { "name": "typescript-plugin-css-modules" }] } }';
    expect(migrateTsconfig(source, new MigrationReport())).toBe('{ "compilerOptions": { "plugins": [{ "name": "typescript-plugin-css-modules" }] } }');
  });

  it('adds nothing to exclude when there is none, and is idempotent', () => {
    const source = '{ "include": ["nexxo-env.d.ts"], "exclude": [".nexxo"] }';
    expect(migrateTsconfig(source, new MigrationReport())).toBe(source);
    expect(migrateTsconfig('{ "include": ["next-env.d.ts"] }', new MigrationReport())).toBe('{ "include": ["nexxo-env.d.ts"] }');
  });

  it('leaves a tsconfig it cannot read unchanged and says so', () => {
    const report = new MigrationReport();
    expect(migrateTsconfig('{ "include": [', report)).toBe('{ "include": [');
    expect(report.list('attention')[0]!.message).toContain('could not be read (tsconfig.json:1: unexpected end of file)');
  });
});
