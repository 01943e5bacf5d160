import { describe, expect, it } from 'vitest';
import { SpanEdits } from './span-edits.js';

describe('SpanEdits', () => {
  it('leaves the source as it is when there are no edits', () => {
    expect(new SpanEdits().apply('a /* b */ c')).toBe('a /* b */ c');
  });

  it('applies replacements and insertions in source order whatever order they were added in', () => {
    const edits = new SpanEdits();
    edits.replace(6, 7, 'Z');
    edits.insert(0, '>');
    edits.replace(2, 3, 'Y');
    expect(edits.apply('a b c d')).toBe('>a Y c Z');
  });

  it('keeps a wrapper outside other insertions at the same offset', () => {
    const edits = new SpanEdits();
    edits.insert(0, '{ return ', -1);
    edits.insert(0, '(await ');
    edits.insert(3, ')');
    edits.insert(3, '; }', 1);
    expect(edits.apply('f()')).toBe('{ return (await f()); }');
  });

  it('puts an insertion at a replacement start before the replaced text', () => {
    const edits = new SpanEdits();
    edits.replace(0, 1, 'B');
    edits.insert(0, 'A');
    expect(edits.apply('x')).toBe('AB');
  });

  it('refuses overlapping replacements', () => {
    const edits = new SpanEdits();
    edits.replace(0, 3, 'a');
    edits.replace(1, 2, 'b');
    expect(() => edits.apply('xyz')).toThrow(/Overlapping/);
  });
});
