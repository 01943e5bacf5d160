import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findMdxComponents, isMdxComponentsPath } from './find-mdx-components.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function makeApp(files: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'nexxo-mdx-components-'));
  roots.push(root);
  for (const file of files) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), '');
  }
  return root;
}

describe('findMdxComponents', () => {
  it('finds mdx-components at the root, with any script extension', () => {
    const root = makeApp(['mdx-components.jsx']);
    expect(findMdxComponents(root)).toBe(join(root, 'mdx-components.jsx'));
  });

  it('prefers src/mdx-components over the root one, as Next.js does', () => {
    const root = makeApp(['mdx-components.tsx', 'src/mdx-components.ts']);
    expect(findMdxComponents(root)).toBe(join(root, 'src/mdx-components.ts'));
  });

  it('returns null for an app without one', () => {
    expect(findMdxComponents(makeApp(['app/components/mdx-components.tsx']))).toBeNull();
  });

  it('recognises the paths dev must watch for it', () => {
    expect(isMdxComponentsPath('/app', '/app/mdx-components.tsx')).toBe(true);
    expect(isMdxComponentsPath('/app', '/app/src/mdx-components.js')).toBe(true);
    expect(isMdxComponentsPath('/app', '/app/app/mdx-components.tsx')).toBe(false);
  });
});
