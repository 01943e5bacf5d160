import { describe, expect, it } from 'vitest';
import { displayPath, entersApp, formatImportChain, importChain } from './import-chain.js';

/** A graph given as importer → imported lists, read the way a build answers: who imports `id`. */
function importersFrom(imports: Record<string, string[]>): (id: string) => string[] {
  return (id) => Object.keys(imports).filter((importer) => imports[importer]!.includes(id));
}

describe('importChain', () => {
  it('walks up from the target to the nearest start, start first', () => {
    const importersOf = importersFrom({ page: ['profile'], profile: ['user'], user: ['db'] });
    expect(importChain('db', importersOf, (id) => id === 'profile')).toEqual(['profile', 'user', 'db']);
  });

  it('picks the shortest of several chains', () => {
    const importersOf = importersFrom({ page: ['a', 'db'], a: ['b'], b: ['db'] });
    expect(importChain('db', importersOf, (id) => id === 'page')).toEqual(['page', 'db']);
  });

  it('picks the same chain of two equally short ones on every call', () => {
    const importersOf = importersFrom({ page: ['z', 'a'], z: ['db'], a: ['db'] });
    expect(importChain('db', importersOf, (id) => id === 'page')).toEqual(['page', 'a', 'db']);
  });

  it('stops at the first start met, not at the entry above it', () => {
    const importersOf = importersFrom({ entry: ['page'], page: ['db'] });
    expect(importChain('db', importersOf, (id) => id === 'page' || id === 'entry')).toEqual(['page', 'db']);
  });

  it('returns the target alone when it is a start itself', () => {
    const importersOf = importersFrom({ page: ['db'] });
    expect(importChain('db', importersOf, () => true)).toEqual(['db']);
  });

  it('terminates on import cycles and returns the target alone when no start is reachable', () => {
    const importersOf = importersFrom({ a: ['b'], b: ['a', 'db'] });
    expect(importChain('db', importersOf, () => false)).toEqual(['db']);
  });
});

describe('entersApp', () => {
  const isAppFile = (id: string) => id.startsWith('/app/');
  const importersOf = importersFrom({ '\0virtual:nexxo/app': ['/app/page.tsx'], '/app/page.tsx': ['/app/chart.tsx'] });

  it('is true for an app file that the framework imports (a route file)', () => {
    expect(entersApp('/app/page.tsx', importersOf, () => false, isAppFile)).toBe(true);
  });

  it('is false for an app file imported only by other app files', () => {
    expect(entersApp('/app/chart.tsx', importersOf, () => false, isAppFile)).toBe(false);
  });

  it('is true for an entry', () => {
    expect(entersApp('/framework/entry.js', importersOf, (id) => id === '/framework/entry.js', isAppFile)).toBe(true);
  });
});

describe('displayPath', () => {
  it('shows an app file relative to the app root', () => {
    expect(displayPath('/work/my-app', '/work/my-app/app/lib/db.ts')).toBe('app/lib/db.ts');
  });

  it('shows a package file from node_modules on, wherever it was hoisted', () => {
    expect(displayPath('/work/repo/apps/web', '/work/repo/node_modules/lib/dist/index.js')).toBe('node_modules/lib/dist/index.js');
  });

  it('shows a virtual module without its \\0 prefix', () => {
    expect(displayPath('/work/my-app', '\0virtual:nexxo/app')).toBe('virtual:nexxo/app');
  });
});

describe('formatImportChain', () => {
  it('puts the start first and an arrow before each module it leads to', () => {
    expect(formatImportChain(['a.tsx', 'b.ts', 'c.ts'], (id) => id)).toBe('  a.tsx\n  → b.ts\n  → c.ts');
  });
});
