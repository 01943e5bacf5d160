import { describe, expect, it } from 'vitest';
import { hasRemoteMatch, matchLocalPattern, matchRemotePattern } from './remote-pattern.js';

const matches = (pattern: Parameters<typeof matchRemotePattern>[0], url: string) => matchRemotePattern(pattern, new URL(url));

describe('matchRemotePattern', () => {
  it('matches a literal hostname on any protocol, port, path and query when only the hostname is given', () => {
    const pattern = { hostname: 'example.com' };
    expect(matches(pattern, 'https://example.com/a/b.png?x=1')).toBe(true);
    expect(matches(pattern, 'http://example.com:81/')).toBe(true);
    expect(matches(pattern, 'https://sub.example.com/')).toBe(false);
    expect(matches(pattern, 'https://example.com.evil.io/')).toBe(false);
    expect(matches(pattern, 'https://examplexcom/')).toBe(false);
  });

  it('requires the protocol, and with port "" no port, when they are given', () => {
    const pattern = { protocol: 'https', hostname: 'example.com', port: '' } as const;
    expect(matches(pattern, 'https://example.com/a.png')).toBe(true);
    expect(matches(pattern, 'http://example.com/a.png')).toBe(false);
    expect(matches(pattern, 'https://example.com:8443/a.png')).toBe(false);
    expect(matches({ hostname: 'example.com', port: '8443' }, 'https://example.com:8443/a.png')).toBe(true);
  });

  it('compares search literally, and search "" allows no query', () => {
    expect(matches({ hostname: 'example.com', search: '?v=1' }, 'https://example.com/a.png?v=1')).toBe(true);
    expect(matches({ hostname: 'example.com', search: '?v=1' }, 'https://example.com/a.png?v=2')).toBe(false);
    expect(matches({ hostname: 'example.com', search: '' }, 'https://example.com/a.png?v=1')).toBe(false);
    expect(matches({ hostname: 'example.com', search: '' }, 'https://example.com/a.png')).toBe(true);
  });

  it('lets * in a hostname match within one label only', () => {
    const pattern = { hostname: 'avatars.*.example.com' };
    expect(matches(pattern, 'https://avatars.sfo1.example.com/')).toBe(true);
    expect(matches(pattern, 'https://avatars.a.b.example.com/')).toBe(false);
    expect(matches(pattern, 'https://avatars.example.com/')).toBe(false);
    expect(matches({ hostname: 'avatars.*1.example.com' }, 'https://avatars.iad1.example.com/')).toBe(true);
    expect(matches({ hostname: 'avatars.*1.example.com' }, 'https://avatars.iad2.example.com/')).toBe(false);
  });

  it('lets a ** label match one or more labels, but not none', () => {
    const pattern = { hostname: '**.example.com' };
    expect(matches(pattern, 'https://sub.example.com/')).toBe(true);
    expect(matches(pattern, 'https://deep.sub.example.com/')).toBe(true);
    expect(matches(pattern, 'https://example.com/')).toBe(false);
    expect(matches(pattern, 'https://example.com.uk/')).toBe(false);
    expect(matches({ hostname: '**' }, 'https://anything.at.all/')).toBe(true);
  });

  it('lets * in a pathname match within one segment and ** any number of segments', () => {
    const one = { hostname: 'example.com', pathname: '/act123/*/pic.jpg' };
    expect(matches(one, 'https://example.com/act123/usr4/pic.jpg')).toBe(true);
    expect(matches(one, 'https://example.com/act123/.a/pic.jpg')).toBe(true);
    expect(matches(one, 'https://example.com/act123/a/b/pic.jpg')).toBe(false);
    const any = { hostname: 'example.com', pathname: '/act123/**' };
    expect(matches(any, 'https://example.com/act123')).toBe(true);
    expect(matches(any, 'https://example.com/act123/a/b/.c.jpg')).toBe(true);
    expect(matches(any, 'https://example.com/act1234/a.jpg')).toBe(false);
    expect(matches(any, 'https://example.com/act456/a.jpg')).toBe(false);
  });

  it('treats regular expression characters in patterns literally', () => {
    expect(matches({ hostname: 'example.com', pathname: '/a+b/(c).png' }, 'https://example.com/a+b/(c).png')).toBe(true);
    expect(matches({ hostname: 'example.com', pathname: '/a.png' }, 'https://example.com/axpng')).toBe(false);
  });

  it('allows nothing with no patterns', () => {
    expect(hasRemoteMatch([], new URL('https://example.com/a.png'))).toBe(false);
    expect(hasRemoteMatch([{ hostname: 'a.com' }, { hostname: 'example.com' }], new URL('https://example.com/a.png'))).toBe(true);
  });
});

describe('matchLocalPattern', () => {
  it('matches the pathname glob and a literal search', () => {
    expect(matchLocalPattern({ pathname: '/assets/**', search: '' }, '/assets/a/b.png', '')).toBe(true);
    expect(matchLocalPattern({ pathname: '/assets/**', search: '' }, '/assets/a.png', '?v=1')).toBe(false);
    expect(matchLocalPattern({ pathname: '/assets/**' }, '/other/a.png', '')).toBe(false);
    expect(matchLocalPattern({}, '/anything.png', '?x')).toBe(true);
  });
});
