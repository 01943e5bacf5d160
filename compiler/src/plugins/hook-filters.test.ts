import { describe, expect, it } from 'vitest';
import { escapeRegExp, exactly, relativeImportOf } from './hook-filters.js';

describe('hook filters', () => {
  it('exactly matches whole strings only, with regex characters taken literally', () => {
    const filter = exactly(['react', 'react-dom/client', 'virtual:nexxo/app']);
    expect(filter.test('react')).toBe(true);
    expect(filter.test('react-dom/client')).toBe(true);
    expect(filter.test('virtual:nexxo/app')).toBe(true);
    expect(filter.test('react-dom')).toBe(false);
    expect(filter.test('preact')).toBe(false);
    expect(exactly(['a.b']).test('axb')).toBe(false);
  });

  it('matches nothing when given nothing', () => {
    expect(exactly([]).test('')).toBe(false);
    expect(exactly([]).test('react')).toBe(false);
    expect(relativeImportOf([]).test('./x.js')).toBe(false);
  });

  it('relativeImportOf matches relative imports of the named files, at any depth', () => {
    const filter = relativeImportOf(['refresh-setup.js']);
    expect(filter.test('./refresh-setup.js')).toBe(true);
    expect(filter.test('../dev/refresh-setup.js')).toBe(true);
    expect(filter.test('refresh-setup.js')).toBe(false);
    expect(filter.test('./my-refresh-setup.js')).toBe(false);
    expect(filter.test('/abs/refresh-setup.js')).toBe(false);
  });

  it('escapes every regex metacharacter', () => {
    const text = '.*+?^${}()|[]\\';
    expect(new RegExp(`^${escapeRegExp(text)}$`).test(text)).toBe(true);
  });
});
