import { describe, expect, it } from 'vitest';
import { compileMiddlewareMatcher, middlewareMayMatch } from './middleware-matcher.js';
import { applyMiddleware, stripMiddlewareHeaders } from './apply-middleware.js';

const headers = new Headers();

describe('compileMiddlewareMatcher', () => {
  it('matches every path but /_nexxo/ without a matcher', () => {
    const matches = compileMiddlewareMatcher(undefined);
    expect(matches('/', '', headers, 'a.com')).toBe(true);
    expect(matches('/blog/x', '', headers, 'a.com')).toBe(true);
    expect(matches('/_nexxo/chunk-abc.js', '', headers, 'a.com')).toBe(false);
    expect(matches('/_nexxo/dev/events', '', headers, 'a.com')).toBe(false);
  });

  it('matches path patterns, and /_nexxo/ only when a pattern names it', () => {
    const matches = compileMiddlewareMatcher(['/account/:path*', '/(.*)']);
    expect(matches('/account', '', headers, 'a.com')).toBe(true);
    expect(matches('/anything', '', headers, 'a.com')).toBe(true);
    expect(matches('/_nexxo/chunk.js', '', headers, 'a.com')).toBe(false);
    expect(compileMiddlewareMatcher('/_nexxo/:path*')('/_nexxo/image', '', headers, 'a.com')).toBe(true);
  });

  it('applies has and missing conditions', () => {
    const matches = compileMiddlewareMatcher({ source: '/api/:path*', has: [{ type: 'query', key: 'debug' }], missing: [{ type: 'header', key: 'x-skip' }] });
    expect(matches('/api/a', '?debug=1', headers, 'a.com')).toBe(true);
    expect(matches('/api/a', '', headers, 'a.com')).toBe(false);
    expect(matches('/api/a', '?debug=1', new Headers({ 'x-skip': '1' }), 'a.com')).toBe(false);
  });

  it('reports an invalid matcher with the config error code', () => {
    expect(() => compileMiddlewareMatcher(['blog'])).toThrow(expect.objectContaining({ code: 'NEXXO_CONFIG', message: expect.stringContaining('middleware config.matcher[0]') }));
  });
});

describe('middleware protocol headers', () => {
  it('strips x-middleware-* headers from incoming requests', () => {
    const request = stripMiddlewareHeaders(new Request('http://a.com/', { headers: { 'x-middleware-subrequest': 'middleware', 'x-middleware-rewrite': 'http://a.com/admin', accept: 'text/html' } }));
    expect([...request.headers.keys()]).toEqual(['accept']);
  });

  it('reads next() request headers, and never passes protocol headers to the app', async () => {
    const response = new Response(null, { headers: { 'x-middleware-next': '1', 'x-middleware-override-headers': 'x-user,x-middleware-rewrite', 'x-middleware-request-x-user': 'ada', 'x-middleware-request-x-middleware-rewrite': 'x', 'x-extra': '1' } });
    const result = await applyMiddleware({ matcher: undefined, run: async () => response }, new Request('http://a.com/', { headers: { cookie: 'a=1' } }));
    expect(result.kind).toBe('continue');
    if (result.kind !== 'continue') return;
    expect([...result.request.headers]).toEqual([['x-user', 'ada']]);
    expect([...result.headers]).toEqual([['x-extra', '1']]);
  });
});

describe('middlewareMayMatch', () => {
  it('matches paths whatever the conditions, and never build assets unless named', () => {
    const mayMatch = middlewareMayMatch(['/account/:path*', { source: '/api/:path*', has: [{ type: 'cookie', key: 'session' }] }]);
    expect(mayMatch('/account/settings')).toBe(true);
    expect(mayMatch('/api/users')).toBe(true);
    expect(mayMatch('/about')).toBe(false);
    const everything = middlewareMayMatch(undefined);
    expect(everything('/about')).toBe(true);
    expect(everything('/_nexxo/chunk.js')).toBe(false);
  });
});
