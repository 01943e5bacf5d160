import { describe, expect, it } from 'vitest';
import { decodePathParts } from './url-path.js';

describe('decodePathParts', () => {
  it('returns the percent-decoded segments of a path', () => {
    expect(decodePathParts('/blog/hello%20world/caf%C3%A9')).toEqual(['blog', 'hello world', 'café']);
  });

  it('keeps an encoded slash inside one part', () => {
    expect(decodePathParts('/files/a%2Fb')).toEqual(['files', 'a/b']);
  });

  it('returns an empty list for the root path', () => {
    expect(decodePathParts('/')).toEqual([]);
  });

  it('drops empty segments from repeated and trailing slashes', () => {
    expect(decodePathParts('//a///b/')).toEqual(['a', 'b']);
  });

  it('returns null for malformed percent-encoding', () => {
    expect(decodePathParts('/%E0%A4%A')).toBeNull();
    expect(decodePathParts('/ok/%zz')).toBeNull();
  });

  it('returns null for an encoded NUL byte', () => {
    expect(decodePathParts('/a%00b')).toBeNull();
  });
});
