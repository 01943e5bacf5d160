import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tsconfigPathAliases } from './tsconfig-paths.js';

const roots: string[] = [];
function app(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'nexxo-paths-'));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  return root;
}
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('tsconfigPathAliases', () => {
  it('turns prefix/* paths into aliases, from a tsconfig with comments', () => {
    const root = app({ 'tsconfig.json': '{\n  // paths\n  "compilerOptions": { "paths": { "@/*": ["./*"], "#lib/*": ["src/lib/*"], "exact": ["./x.ts"], "two/*": ["a/*", "b/*"], }, },\n}' });
    expect(tsconfigPathAliases(root)).toEqual({ '@': root, '#lib': join(root, 'src/lib') });
  });

  it('reads jsconfig.json, as JavaScript apps have, and resolves against baseUrl', () => {
    const root = app({ 'jsconfig.json': '{ "compilerOptions": { "baseUrl": "src", "paths": { "@/*": ["./*"] } } }' });
    expect(tsconfigPathAliases(root)).toEqual({ '@': join(root, 'src') });
  });

  it('follows a relative extends, and gives nothing without paths or with a broken file', () => {
    expect(tsconfigPathAliases(app({ 'tsconfig.json': '{ "extends": "./base.json" }', 'base.json': '{ "compilerOptions": { "paths": { "~/*": ["./app/*"] } } }' }))).toEqual({ '~': expect.stringMatching(/app$/) });
    expect(tsconfigPathAliases(app({ 'tsconfig.json': '{ "compilerOptions": {} }' }))).toEqual({});
    expect(tsconfigPathAliases(app({ 'tsconfig.json': '{ nope' }))).toEqual({});
  });
});
