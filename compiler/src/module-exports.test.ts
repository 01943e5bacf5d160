import { parseAst } from 'rolldown/parseAst';
import { describe, expect, it } from 'vitest';
import { NexxoBuildError } from './errors.js';
import { listExports } from './module-exports.js';

const exportsOf = (code: string, file = 'app/button.tsx') => listExports(parseAst(code, { lang: 'tsx' }) as never, file);

describe('listExports', () => {
  it('lists a default export as default', () => {
    expect(exportsOf('export default function Button() { return null }')).toEqual(['default']);
  });

  it('lists named function, const and class declarations', () => {
    expect(exportsOf('export function a() {}\nexport const b = 1, c = 2;\nexport class D {}')).toEqual(['a', 'b', 'c', 'D']);
  });

  it('lists every name bound by a destructured const', () => {
    expect(exportsOf('export const { a, b: [c, ...d], e = 1, ...f } = source;')).toEqual(['a', 'c', 'd', 'e', 'f']);
  });

  it('lists the exported name of a renamed specifier', () => {
    expect(exportsOf('const a = 1;\nexport { a as b };')).toEqual(['b']);
  });

  it('lists names re-exported from another module', () => {
    expect(exportsOf("export { x, y as z } from './y';")).toEqual(['x', 'z']);
  });

  it('leaves out type-only exports', () => {
    const code = [
      'export type T = string;',
      'export interface I {}',
      "export type { U } from './u';",
      "export { type V, w } from './v';",
      'export declare const q: number;',
      "export type * from './types';",
    ].join('\n');
    expect(exportsOf(code)).toEqual(['w']);
  });

  it('counts the namespace name of export * as', () => {
    expect(exportsOf("export * as ns from './y';")).toEqual(['ns']);
  });

  it('throws a NexxoBuildError naming the file for a bare export *', () => {
    let error: unknown;
    try {
      exportsOf("export * from './ui';", 'app/ui/index.tsx');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(NexxoBuildError);
    expect((error as NexxoBuildError).code).toBe('NEXXO_CLIENT_EXPORT_STAR');
    expect((error as Error).message).toContain('app/ui/index.tsx');
    expect((error as Error).message).toMatch(/export each name explicitly/);
  });
});

describe('listExports and TypeScript', () => {
  it('lists enums and namespaces, which exist at run time, but not a default interface', () => {
    expect(exportsOf('export enum E { A }')).toEqual(['E']);
    expect(exportsOf('export namespace N { export const x = 1 }')).toEqual(['N']);
    expect(exportsOf('export default interface I {}')).toEqual([]);
  });
});
