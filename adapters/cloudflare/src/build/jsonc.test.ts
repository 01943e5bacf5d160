import { describe, expect, it } from 'vitest';
import { parseJsonc } from './jsonc.js';

describe('parseJsonc', () => {
  it('reads comments and trailing commas, and leaves strings alone', () => {
    const text = `{
  // a line comment
  "url": "https://example.com/*not a comment*/", /* a block */
  "list": [1, 2, /* last */ ],
  "quote": "a \\" // b",
}`;
    expect(parseJsonc(text)).toEqual({ url: 'https://example.com/*not a comment*/', list: [1, 2], quote: 'a " // b' });
  });

  it('throws on invalid JSON', () => {
    expect(() => parseJsonc('{ "a": }')).toThrow();
  });
});
