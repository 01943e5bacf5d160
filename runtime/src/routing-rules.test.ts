import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTING_CONFIG, type RoutingConfig } from './routing-config.js';
import { compileRoutingRules, matchHeaders, matchRedirect, matchRewrite, stripBasePath, withTrailingSlash, type RoutingRequest } from './routing-rules.js';

type ConfigPart = Partial<Omit<RoutingConfig, 'rewrites'>> & { rewrites?: Partial<RoutingConfig['rewrites']> };

function compile(config: ConfigPart) {
  return compileRoutingRules({ ...DEFAULT_ROUTING_CONFIG, ...config, rewrites: { ...DEFAULT_ROUTING_CONFIG.rewrites, ...config.rewrites } });
}

/** A request from a decoded path with an optional query: `request('/a?b=1', { cookie: 'x=1' })`. */
function request(url: string, headers: Record<string, string> = {}, host = 'example.com'): RoutingRequest {
  const question = url.indexOf('?');
  return {
    pathname: question === -1 ? url : url.slice(0, question),
    search: question === -1 ? '' : url.slice(question),
    headers: new Headers(headers),
    host,
  };
}

function redirectOf(config: ConfigPart, url: string, headers?: Record<string, string>, host?: string) {
  return matchRedirect(compile(config), request(url, headers, host));
}

/** The location of the only redirect rule `{ source, destination, permanent: true, ...extra }` for `url`. */
function locationFor(source: string, destination: string, url: string, extra: object = {}, headers?: Record<string, string>) {
  return redirectOf({ redirects: [{ source, destination, permanent: true, ...extra }] }, url, headers)?.location ?? null;
}

function configError(config: ConfigPart): Error & { code?: string } {
  try {
    compile(config);
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('Expected compileRoutingRules to throw.');
}

describe('matchRedirect', () => {
  it('fills a named param into the destination', () => {
    expect(locationFor('/blog/:slug', '/news/:slug', '/blog/hello')).toBe('/news/hello');
  });

  it('returns null when no source matches', () => {
    expect(locationFor('/blog/:slug', '/news/:slug', '/blog/a/b')).toBeNull();
    expect(locationFor('/blog/:slug', '/news/:slug', '/about')).toBeNull();
  });

  it('joins the segments of a catch-all with "/"', () => {
    expect(locationFor('/docs/:path*', '/guide/:path*', '/docs/a/b/c')).toBe('/guide/a/b/c');
  });

  it('drops an empty optional catch-all together with its slash', () => {
    expect(locationFor('/docs/:path*', '/guide/:path*', '/docs')).toBe('/guide');
  });

  it('requires at least one segment for a :param+ source', () => {
    expect(locationFor('/docs/:path+', '/guide/:path+', '/docs')).toBeNull();
    expect(locationFor('/docs/:path+', '/guide/:path+', '/docs/a/b')).toBe('/guide/a/b');
  });

  it('matches a param only when its regular expression does', () => {
    expect(locationFor('/post/:id(\\d{1,})', '/p/:id', '/post/123')).toBe('/p/123');
    expect(locationFor('/post/:id(\\d{1,})', '/p/:id', '/post/abc')).toBeNull();
  });

  it('matches an unnamed group without making it a param', () => {
    expect(locationFor('/old(.*)', '/new', '/old/anything/here')).toBe('/new');
  });

  it('matches case-insensitively and with an optional trailing slash, as Next does', () => {
    expect(locationFor('/About', '/team', '/about/')).toBe('/team');
  });

  it('returns the first matching rule only', () => {
    const config = {
      redirects: [
        { source: '/a', destination: '/first', permanent: true },
        { source: '/:any', destination: '/second', permanent: true },
      ],
    };
    expect(redirectOf(config, '/a')?.location).toBe('/first');
    expect(redirectOf(config, '/b')?.location).toBe('/second');
  });

  it('uses 308 for permanent, 307 for temporary and statusCode as given', () => {
    const config = {
      redirects: [
        { source: '/p', destination: '/x', permanent: true },
        { source: '/t', destination: '/x', permanent: false },
        { source: '/s', destination: '/x', statusCode: 301 },
      ],
    };
    expect(redirectOf(config, '/p')?.status).toBe(308);
    expect(redirectOf(config, '/t')?.status).toBe(307);
    expect(redirectOf(config, '/s')?.status).toBe(301);
  });

  it('passes the request query through to the destination', () => {
    expect(locationFor('/old', '/new', '/old?a=1&b=two%20words')).toBe('/new?a=1&b=two%20words');
  });

  it("lets the destination's query replace the request's values for the same key", () => {
    expect(locationFor('/old', '/new?a=dest', '/old?a=1&a=2&b=3')).toBe('/new?a=dest&b=3');
  });

  it('fills params into destination query values and leaves other colons alone', () => {
    expect(locationFor('/old/:slug', '/search?q=:slug&at=10:30', '/old/hello')).toBe('/search?q=hello&at=10%3A30');
  });

  it('does not add params to the query of a redirect', () => {
    expect(locationFor('/old/:slug', '/new', '/old/a')).toBe('/new');
  });

  it('keeps the hash of the destination', () => {
    expect(locationFor('/faq/:topic', '/help#:topic', '/faq/billing')).toBe('/help#billing');
  });

  it('percent-encodes params taken from the decoded path', () => {
    expect(locationFor('/blog/:slug', '/news/:slug', '/blog/hello wörld')).toBe('/news/hello%20w%C3%B6rld');
  });

  it('collapses repeated slashes so a param cannot make the location protocol-relative', () => {
    expect(locationFor('/go/:target(.*)', '/:target', '/go//evil.com')).toBe('/evil.com');
  });

  it('keeps an external destination absolute', () => {
    expect(locationFor('/gh/:repo', 'https://github.com/nexxo/:repo', '/gh/core?tab=1')).toBe('https://github.com/nexxo/core?tab=1');
  });

  it('keeps the port of an external destination literal', () => {
    expect(locationFor('/local', 'http://localhost:8080/x', '/local')).toBe('http://localhost:8080/x');
  });

  it('does not redirect build assets under /_nexxo', () => {
    expect(locationFor('/:path*', '/maintenance', '/_nexxo/chunk.js')).toBeNull();
    expect(locationFor('/:path*', '/maintenance', '/_nexxo-blog')).toBe('/maintenance');
  });

  describe('with a basePath', () => {
    const config = {
      basePath: '/docs',
      redirects: [
        { source: '/old', destination: '/new', permanent: true },
        { source: '/', destination: '/start', permanent: true },
        { source: '/outside', destination: '/elsewhere', permanent: true, basePath: false as const },
        { source: '/ext', destination: 'https://example.com/ext', permanent: true },
      ],
    };

    it('matches the source under the base path and prefixes a local destination', () => {
      expect(redirectOf(config, '/docs/old')?.location).toBe('/docs/new');
      expect(redirectOf(config, '/old')).toBeNull();
    });

    it('treats source "/" as the base path itself', () => {
      expect(redirectOf(config, '/docs')?.location).toBe('/docs/start');
      expect(redirectOf(config, '/docs/')?.location).toBe('/docs/start');
    });

    it('matches the full path and leaves the destination alone for basePath: false', () => {
      expect(redirectOf(config, '/outside')?.location).toBe('/elsewhere');
      expect(redirectOf(config, '/docs/outside')).toBeNull();
    });

    it('does not prefix an external destination', () => {
      expect(redirectOf(config, '/docs/ext')?.location).toBe('https://example.com/ext');
    });

    it('turns a destination of "/" into the base path', () => {
      expect(redirectOf({ basePath: '/docs', redirects: [{ source: '/home', destination: '/', permanent: true }] }, '/docs/home')?.location).toBe('/docs');
    });

    it('does not redirect build assets under the base path', () => {
      expect(redirectOf({ basePath: '/docs', redirects: [{ source: '/:path*', destination: '/x', permanent: true }] }, '/docs/_nexxo/a.js')).toBeNull();
    });
  });
});

describe('has and missing conditions', () => {
  it('matches a header by a regular expression and makes its named groups params', () => {
    const extra = { has: [{ type: 'header', key: 'X-Version', value: 'v(?<version>\\d+)' }] };
    expect(locationFor('/api/:rest*', '/api/:version/:rest*', '/api/users', extra, { 'x-version': 'v2' })).toBe('/api/2/users');
    expect(locationFor('/api/:rest*', '/api/:version/:rest*', '/api/users', extra, { 'x-version': 'beta' })).toBeNull();
  });

  it('anchors the value, so it must match the whole header', () => {
    const extra = { has: [{ type: 'header', key: 'x-role', value: 'admin' }] };
    expect(locationFor('/a', '/b', '/a', extra, { 'x-role': 'admin' })).toBe('/b');
    expect(locationFor('/a', '/b', '/a', extra, { 'x-role': 'superadmin' })).toBeNull();
  });

  it("makes a header without value a param named after the key's letters", () => {
    const extra = { has: [{ type: 'header', key: 'x-user-id' }] };
    expect(locationFor('/me', '/users/:xuserid', '/me', extra, { 'x-user-id': '42' })).toBe('/users/42');
    expect(locationFor('/me', '/users/:xuserid', '/me', extra)).toBeNull();
  });

  it('reads cookies from the Cookie header, unquoting and decoding values', () => {
    const extra = { has: [{ type: 'cookie', key: 'theme' }] };
    const cookie = 'session=abc; theme="dark%20blue"; theme=light';
    expect(locationFor('/', '/?t=:theme', '/', extra, { cookie })).toBe('/?t=dark%20blue');
    expect(locationFor('/', '/?t=:theme', '/', extra, { cookie: 'session=abc' })).toBeNull();
  });

  it('matches a query value, using the last of repeated values', () => {
    const extra = { has: [{ type: 'query', key: 'page', value: '(?<page>\\d+)' }] };
    expect(locationFor('/list', '/list/:page', '/list?page=x&page=3', extra)).toBe('/list/3?page=x&page=3');
    expect(locationFor('/list', '/list/:page', '/list?page=3&page=x', extra)).toBeNull();
  });

  it('treats an empty query value as absent, as Next does', () => {
    expect(locationFor('/a', '/b', '/a?q=', { has: [{ type: 'query', key: 'q' }] })).toBeNull();
    expect(locationFor('/a', '/b', '/a?q=', { missing: [{ type: 'query', key: 'q' }] })).toBe('/b?q=');
  });

  it('matches the host without its port, lowercased, and makes it the host param', () => {
    const config = { redirects: [{ source: '/', destination: 'https://www.:host/', permanent: true, has: [{ type: 'host' as const, value: 'example\\.(com|org)' }] }] };
    expect(redirectOf(config, '/', {}, 'Example.ORG:8443')?.location).toBe('https://www.example.org/');
    expect(redirectOf(config, '/', {}, 'example.net')).toBeNull();
  });

  it('fills a named host group into an external destination host', () => {
    const extra = { has: [{ type: 'host', value: '(?<tenant>[a-z]+)\\.old\\.com' }] };
    const config = { redirects: [{ source: '/:path*', destination: 'https://:tenant.new.com/:path*', permanent: true, ...extra }] };
    expect(redirectOf(config, '/a/b', {}, 'acme.old.com')?.location).toBe('https://acme.new.com/a/b');
  });

  it('skips a rule when a missing condition is present', () => {
    const extra = { missing: [{ type: 'cookie', key: 'session' }] };
    expect(locationFor('/account', '/login', '/account', extra)).toBe('/login');
    expect(locationFor('/account', '/login', '/account', extra, { cookie: 'session=1' })).toBeNull();
  });

  it('requires every has condition', () => {
    const extra = { has: [{ type: 'query', key: 'a' }, { type: 'header', key: 'x-b' }] };
    expect(locationFor('/x', '/y', '/x?a=1', extra)).toBeNull();
    expect(locationFor('/x', '/y', '/x?a=1', extra, { 'x-b': '1' })).toBe('/y?a=1');
  });

  it('lets a param from has replace a source param of the same name, as Next does', () => {
    const extra = { has: [{ type: 'query', key: 'lang', value: '(?<lang>en|de)' }] };
    expect(locationFor('/:lang/home', '/:lang', '/fr/home?lang=de', extra)).toBe('/de?lang=de');
  });
});

describe('matchRewrite', () => {
  const rewriteOf = (config: ConfigPart, phase: 'beforeFiles' | 'afterFiles' | 'fallback', url: string, resolves?: (pathname: string) => boolean) =>
    matchRewrite(compile(config), phase, request(url), resolves);

  it('rewrites to a local path and merges the request query', () => {
    const config = { rewrites: { afterFiles: [{ source: '/blog/:slug', destination: '/news/:slug?from=blog' }] } };
    expect(rewriteOf(config, 'afterFiles', '/blog/a?x=1&from=user')).toEqual({ pathname: '/news/a', search: '?x=1&from=blog' });
  });

  it('adds the params to the query when the destination path uses none of them', () => {
    const config = { rewrites: { afterFiles: [{ source: '/old/:section/:path*', destination: '/page' }] } };
    expect(rewriteOf(config, 'afterFiles', '/old/guides/a/b?section=mine')).toEqual({ pathname: '/page', search: '?section=guides&path=a&path=b' });
  });

  it('adds no params to the query when the destination path uses one', () => {
    const config = { rewrites: { afterFiles: [{ source: '/old/:section/:path*', destination: '/new/:section' }] } };
    expect(rewriteOf(config, 'afterFiles', '/old/guides/a')).toEqual({ pathname: '/new/guides', search: '' });
  });

  it('returns the URL of an external destination, query included', () => {
    const config = { rewrites: { fallback: [{ source: '/api/:path*', destination: 'https://api.example.com/v1/:path*' }] } };
    expect(rewriteOf(config, 'fallback', '/api/users/7?fields=name')).toEqual({ url: 'https://api.example.com/v1/users/7?fields=name' });
  });

  it('only looks at the rules of the phase asked for', () => {
    const config = { rewrites: { beforeFiles: [{ source: '/a', destination: '/b' }] } };
    expect(rewriteOf(config, 'afterFiles', '/a')).toBeNull();
    expect(rewriteOf(config, 'beforeFiles', '/a')).toEqual({ pathname: '/b', search: '' });
  });

  it('applies every matching beforeFiles rule in turn', () => {
    const config = {
      rewrites: {
        beforeFiles: [
          { source: '/a', destination: '/b?step=1' },
          { source: '/b', destination: '/c' },
          { source: '/a', destination: '/never' },
        ],
      },
    };
    expect(rewriteOf(config, 'beforeFiles', '/a')).toEqual({ pathname: '/c', search: '?step=1' });
  });

  it('stops afterFiles at the first match unless resolves says the path is not served', () => {
    const config = {
      rewrites: {
        afterFiles: [
          { source: '/a', destination: '/b' },
          { source: '/b', destination: '/c' },
        ],
      },
    };
    expect(rewriteOf(config, 'afterFiles', '/a')).toEqual({ pathname: '/b', search: '' });
    expect(rewriteOf(config, 'afterFiles', '/a', (pathname) => pathname === '/c')).toEqual({ pathname: '/c', search: '' });
  });

  it('matches a chained rule against the decoded rewritten path', () => {
    const config = {
      rewrites: {
        beforeFiles: [
          { source: '/a/:name', destination: '/b/:name' },
          { source: '/b/:name', destination: '/c/:name' },
        ],
      },
    };
    expect(rewriteOf(config, 'beforeFiles', '/a/x y')).toEqual({ pathname: '/c/x%20y', search: '' });
  });

  it('prefixes a local destination with the base path', () => {
    const config = { basePath: '/docs', rewrites: { afterFiles: [{ source: '/about', destination: '/info' }] } };
    expect(rewriteOf(config, 'afterFiles', '/docs/about')).toEqual({ pathname: '/docs/info', search: '' });
    expect(rewriteOf(config, 'afterFiles', '/about')).toBeNull();
  });

  it('proxies a path outside the base path with basePath: false', () => {
    const config = { basePath: '/docs', rewrites: { beforeFiles: [{ source: '/legacy/:path*', destination: 'https://old.example.com/:path*', basePath: false as const }] } };
    expect(rewriteOf(config, 'beforeFiles', '/legacy/a')).toEqual({ url: 'https://old.example.com/a' });
  });

  it('uses has params in the destination', () => {
    const config = { rewrites: { beforeFiles: [{ source: '/', destination: '/sites/:tenant', has: [{ type: 'host' as const, value: '(?<tenant>[a-z]+)\\.example\\.com' }] }] } };
    expect(matchRewrite(compile(config), 'beforeFiles', request('/', {}, 'acme.example.com'))).toEqual({ pathname: '/sites/acme', search: '' });
  });
});

describe('matchHeaders', () => {
  const config: ConfigPart = {
    headers: [
      { source: '/:path*', headers: [{ key: 'X-Frame-Options', value: 'DENY' }, { key: 'Cache-Control', value: 'no-store' }] },
      { source: '/static/:file', headers: [{ key: 'Cache-Control', value: 'public, max-age=31536000' }, { key: 'X-File', value: ':file' }] },
      { source: '/admin', headers: [{ key: 'X-Admin', value: 'yes' }], has: [{ type: 'cookie', key: 'role', value: 'admin' }] },
    ],
  };

  it('returns the headers of every matching rule in config order', () => {
    expect(matchHeaders(compile(config), request('/static/app.css'))).toEqual([
      { key: 'X-Frame-Options', value: 'DENY' },
      { key: 'Cache-Control', value: 'no-store' },
      { key: 'Cache-Control', value: 'public, max-age=31536000' },
      { key: 'X-File', value: 'app.css' },
    ]);
  });

  it('returns nothing when no rule matches', () => {
    expect(matchHeaders(compile({ headers: config.headers!.slice(1) }), request('/about'))).toEqual([]);
  });

  it('applies has conditions', () => {
    expect(matchHeaders(compile(config), request('/admin', { cookie: 'role=admin' })).map(({ key }) => key)).toContain('X-Admin');
    expect(matchHeaders(compile(config), request('/admin', { cookie: 'role=user' })).map(({ key }) => key)).not.toContain('X-Admin');
  });

  it('percent-encodes params so a value is always a valid header value', () => {
    const rules = compile({ headers: [{ source: '/:name', headers: [{ key: 'X-Name', value: 'name=:name' }] }] });
    expect(matchHeaders(rules, request('/café\r\nx'))).toEqual([{ key: 'X-Name', value: 'name=caf%C3%A9%0D%0Ax' }]);
  });

  it('matches under the base path unless the rule says basePath: false', () => {
    const rules = compile({
      basePath: '/docs',
      headers: [
        { source: '/a', headers: [{ key: 'X-In', value: '1' }] },
        { source: '/a', basePath: false, headers: [{ key: 'X-Out', value: '1' }] },
      ],
    });
    expect(matchHeaders(rules, request('/docs/a'))).toEqual([{ key: 'X-In', value: '1' }]);
    expect(matchHeaders(rules, request('/a'))).toEqual([{ key: 'X-Out', value: '1' }]);
  });
});

describe('compileRoutingRules', () => {
  it('throws NEXXO_CONFIG naming the rule when a source does not start with "/"', () => {
    const error = configError({ redirects: [{ source: '/a', destination: '/b', permanent: true }, { source: '/c', destination: '/d', permanent: true }, { source: 'blog/:slug', destination: '/news/:slug', permanent: true }] });
    expect(error.code).toBe('NEXXO_CONFIG');
    expect(error.message).toBe('redirects[2]: source "blog/:slug" must start with "/".\n  Fix: write "/blog/:slug".');
  });

  it('names the rewrite phase and the header rule in errors', () => {
    expect(configError({ rewrites: { fallback: [{ source: 'x', destination: '/y' }] } }).message).toMatch(/^rewrites\.fallback\[0\]: source "x"/);
    expect(configError({ headers: [{ source: 'x', headers: [{ key: 'a', value: 'b' }] }] }).message).toMatch(/^headers\[0\]: source "x"/);
  });

  it('rejects a source path-to-regexp cannot parse', () => {
    const error = configError({ redirects: [{ source: '/blog/(abc', destination: '/x', permanent: true }] });
    expect(error.code).toBe('NEXXO_CONFIG');
    expect(error.message).toMatch(/^redirects\[0\]: source "\/blog\/\(abc" is not a valid path pattern: Unbalanced pattern at 6\.\n {2}Fix: use Next\.js path syntax/);
  });

  it('rejects a destination that uses a param the rule does not define', () => {
    const error = configError({ redirects: [{ source: '/blog/:slug', destination: '/news/:id', permanent: true }] });
    expect(error.message).toBe(
      'redirects[0]: destination "/news/:id" uses :id, which neither source "/blog/:slug" nor a has condition defines.\n' +
        '  Fix: use a param the rule defines (:slug), or name the segment in source, e.g. "/blog/:id". A literal colon is written "\\\\:".',
    );
  });

  it('accepts a destination param that a has condition defines', () => {
    expect(() => compile({ redirects: [{ source: '/', destination: '/:locale/:xid', permanent: true, has: [{ type: 'cookie', key: 'locale' }, { type: 'header', key: 'x-id' }] }] })).not.toThrow();
  });

  it('accepts an escaped colon in the destination as a literal', () => {
    expect(locationFor('/time', '/at/10\\:30', '/time')).toBe('/at/10:30');
  });

  it('rejects an unnamed group used as a destination param', () => {
    const error = configError({ rewrites: { afterFiles: [{ source: '/(.*)', destination: '/x/:0' }] } });
    expect(error.message).toBe(
      'rewrites.afterFiles[0]: destination "/x/:0" uses :0, but unnamed groups in source "/(.*)" are not params.\n  Fix: name the group in source, e.g. "/:path(.*)" instead of "/(.*)", and use :path.',
    );
  });

  it('rejects a destination that is neither a path nor an http(s) URL', () => {
    expect(configError({ rewrites: { beforeFiles: [{ source: '/a', destination: 'news' }] } }).message).toBe(
      'rewrites.beforeFiles[0]: destination "news" must start with "/", "http://" or "https://".\n  Fix: write a path of this app ("/news/:slug") or a full URL ("https://example.com/:slug").',
    );
  });

  it('rejects a status code that is not a redirect status', () => {
    expect(configError({ redirects: [{ source: '/a', destination: '/b', statusCode: 200 }] }).message).toBe('redirects[0]: statusCode 200 is not a redirect status.\n  Fix: use 301, 302, 303, 307 or 308.');
  });

  it('rejects a redirect with both permanent and statusCode', () => {
    expect(configError({ redirects: [{ source: '/a', destination: '/b', permanent: true, statusCode: 301 }] }).message).toBe(
      'redirects[0]: sets both permanent and statusCode (301), so its status is ambiguous.\n  Fix: keep one: permanent: true (308) or false (307), or statusCode.',
    );
  });

  it('rejects a redirect with neither permanent nor statusCode', () => {
    expect(configError({ redirects: [{ source: '/a', destination: '/b' }] }).message).toBe(
      'redirects[0]: sets neither permanent nor statusCode, so its status is unknown.\n  Fix: add permanent: true (308, cached by browsers) or permanent: false (307), or a statusCode.',
    );
  });

  it('rejects a local rewrite with basePath: false', () => {
    expect(configError({ rewrites: { afterFiles: [{ source: '/a', destination: '/b', basePath: false }] } }).message).toBe(
      'rewrites.afterFiles[0]: basePath: false with the local destination "/b" would rewrite to a path outside the app.\n  Fix: rewrite to a full URL ("https://…"), or remove basePath: false.',
    );
  });

  it('rejects a rule basePath other than false', () => {
    const rule = { source: '/a', destination: '/b', permanent: true, basePath: true } as unknown as RoutingConfig['redirects'][number];
    expect(configError({ redirects: [rule] }).message).toBe(
      'redirects[0]: basePath is true, but it can only be false.\n  Fix: remove it to match under the base path, or set basePath: false to match the full path.',
    );
  });

  it('rejects a condition of an unknown type, without a key, or a host without a value', () => {
    const withHas = (has: unknown) => configError({ redirects: [{ source: '/a', destination: '/b', permanent: true, has: has as never }] }).message;
    expect(withHas([{ type: 'path', key: 'a' }])).toBe('redirects[0].has[0]: has type "path", which is not a condition type.\n  Fix: use "header", "cookie", "query" or "host".');
    expect(withHas([{ type: 'cookie' }])).toBe('redirects[0].has[0]: is a "cookie" condition without a key.\n  Fix: name the cookie to look at, e.g. key: "id".');
    expect(withHas([{ type: 'host' }])).toMatch(/^redirects\[0\]\.has\[0\]: is a "host" condition without a value, so it has nothing to compare\.\n {2}Fix: give the host as a regular expression/);
    expect(withHas([{ type: 'query', key: 'a', value: 1 }])).toMatch(/^redirects\[0\]\.has\[0\]: has value 1, which is not a string\./);
    expect(withHas('cookie')).toBe('redirects[0].has: must be an array of conditions.\n  Fix: write e.g. [{ type: "cookie", key: "session" }].');
  });

  it('rejects a condition value that is not a valid regular expression', () => {
    const error = configError({ headers: [{ source: '/a', headers: [{ key: 'a', value: 'b' }], missing: [{ type: 'header', key: 'x', value: '(' }] }] });
    expect(error.code).toBe('NEXXO_CONFIG');
    expect(error.message).toMatch(/^headers\[0\]\.missing\[0\]: value "\(" is not a valid regular expression: .+\n {2}Fix: fix the expression/);
  });

  it('rejects a header rule without headers or with a malformed header', () => {
    expect(configError({ headers: [{ source: '/a', headers: [] }] }).message).toBe('headers[0]: has no headers to set.\n  Fix: add headers: [{ key: "X-Frame-Options", value: "DENY" }], or remove the rule.');
    expect(configError({ headers: [{ source: '/a', headers: [{ key: 'X-A', value: 1 as unknown as string }] }] }).message).toBe(
      'headers[0].headers[0]: needs a non-empty string key and a string value, not {"key":"X-A","value":1}.\n  Fix: write { key: "X-Frame-Options", value: "DENY" }.',
    );
  });

  it('rejects a basePath that does not start with "/" or ends with "/"', () => {
    expect(configError({ basePath: 'docs/' }).message).toBe('basePath: "docs/" must be "" or a path that starts with "/" and does not end with "/".\n  Fix: write "/docs".');
    expect(configError({ basePath: '/' }).message).toMatch(/Fix: write "" for no base path\.$/);
  });
});

describe('stripBasePath', () => {
  it('returns the path inside the base path', () => {
    expect(stripBasePath('/docs/a/b', '/docs')).toBe('/a/b');
    expect(stripBasePath('/docs', '/docs')).toBe('/');
    expect(stripBasePath('/docs/', '/docs')).toBe('/');
  });

  it('returns null for a path outside the base path, even one that shares its prefix', () => {
    expect(stripBasePath('/about', '/docs')).toBeNull();
    expect(stripBasePath('/docsify', '/docs')).toBeNull();
  });

  it('returns the path unchanged without a base path', () => {
    expect(stripBasePath('/a', '')).toBe('/a');
  });
});

describe('withTrailingSlash', () => {
  it('keeps the root as "/"', () => {
    expect(withTrailingSlash('/', true)).toBe('/');
    expect(withTrailingSlash('/', false)).toBe('/');
  });

  it('strips trailing slashes when trailingSlash is false', () => {
    expect(withTrailingSlash('/about/', false)).toBe('/about');
    expect(withTrailingSlash('/about//', false)).toBe('/about');
    expect(withTrailingSlash('/about', false)).toBe('/about');
  });

  it('adds one trailing slash when trailingSlash is true', () => {
    expect(withTrailingSlash('/about', true)).toBe('/about/');
    expect(withTrailingSlash('/about/', true)).toBe('/about/');
    expect(withTrailingSlash('/docs/a', true)).toBe('/docs/a/');
  });

  it('gives no trailing slash to a path ending in a file name, as Next does', () => {
    expect(withTrailingSlash('/file.txt', true)).toBe('/file.txt');
    expect(withTrailingSlash('/assets/app.min.js/', true)).toBe('/assets/app.min.js');
  });

  it('leaves /.well-known paths and dotted names without an extension as they are', () => {
    expect(withTrailingSlash('/.well-known/security', true)).toBe('/.well-known/security');
    expect(withTrailingSlash('/v1.x-y', true)).toBe('/v1.x-y');
  });
});
