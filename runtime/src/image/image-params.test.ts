import { describe, expect, it } from 'vitest';
import { ImageError } from './image-error.js';
import { parseImageParams } from './image-params.js';
import { imageConfig } from './test-config.js';

const parse = (query: string, options: { accept?: string; basePath?: string; config?: Parameters<typeof imageConfig>[0] } = {}) =>
  parseImageParams(new URL(`http://localhost/_nexxo/image?${query}`), options.accept ?? null, imageConfig(options.config), options.basePath ?? '');

function refusal(query: string, options: Parameters<typeof parse>[1] = {}): { status: number; message: string } {
  try {
    parse(query, options);
  } catch (error) {
    if (error instanceof ImageError) return { status: error.status, message: error.message };
    throw error;
  }
  throw new Error(`${query} was accepted`);
}

const url = (value: string) => `url=${encodeURIComponent(value)}&w=640&q=75`;

describe('parseImageParams', () => {
  it('accepts a local path with an allowed width and quality', () => {
    expect(parse(url('/photos/a.jpg'))).toEqual({ source: { kind: 'local', href: '/photos/a.jpg', path: '/photos/a.jpg' }, width: 640, quality: 75, format: null });
  });

  it('takes the local path inside the base path', () => {
    expect(parse(url('/docs/_nexxo/media/a-12345678.png'), { basePath: '/docs' }).source).toMatchObject({ kind: 'local', path: '/_nexxo/media/a-12345678.png' });
    expect(refusal(url('/a.png'), { basePath: '/docs' })).toMatchObject({ status: 404 });
  });

  it('requires url, w and q, each once', () => {
    expect(refusal('w=640&q=75').message).toBe('"url" parameter is required.');
    expect(refusal('url=/a.png&q=75').message).toBe('"w" parameter (width) is required.');
    expect(refusal('url=/a.png&w=640').message).toBe('"q" parameter (quality) is required.');
    expect(refusal('url=/a.png&url=/b.png&w=640&q=75').message).toContain('"url" parameter cannot be an array');
  });

  it('refuses a width that is not in deviceSizes or imageSizes, and says which are', () => {
    expect(refusal('url=/a.png&w=641&q=75')).toEqual({ status: 400, message: '"w" parameter (width) of 641 is not allowed: use one of images.deviceSizes or images.imageSizes (32, 48, 64, 96, 128, 256, 384, 640, 750, 828, 1080, 1200, 1920, 2048, 3840).' });
    expect(refusal('url=/a.png&w=0&q=75').message).toBe('"w" parameter (width) must be an integer greater than 0.');
    expect(refusal('url=/a.png&w=64.5&q=75').message).toBe('"w" parameter (width) must be an integer greater than 0.');
    expect(parse('url=/a.png&w=32&q=75').width).toBe(32);
  });

  it('refuses a quality that is not in qualities', () => {
    expect(refusal('url=/a.png&w=640&q=50')).toEqual({ status: 400, message: '"q" parameter (quality) of 50 is not allowed: use one of images.qualities (75).' });
    expect(refusal('url=/a.png&w=640&q=101').message).toBe('"q" parameter (quality) must be an integer between 1 and 100.');
    expect(parse('url=/a.png&w=640&q=50', { config: { qualities: [50, 75] } }).quality).toBe(50);
  });

  it.each(['/../package.json', '/%2e%2e/package.json', '/%2E%2E/package.json', '/..%2fpackage.json', '/images/..%2F..%2Fpackage.json', '/images/%2e%2e%5c%2e%2e%5cpackage.json', '/./a.png', '/a\\..\\b.png'])('refuses the path traversal %s', (path) => {
    expect(refusal(url(path))).toEqual({ status: 400, message: '"url" parameter is not allowed: the path must not contain `.` or `..` segments or encoded slashes.' });
  });

  it('decodes a path once, so a doubly encoded traversal is a literal file name (which no build has)', () => {
    expect(parse(url('/%252e%252e/package.json')).source).toMatchObject({ kind: 'local', path: '/%2e%2e/package.json' });
  });

  it('refuses protocol-relative URLs, also with a backslash', () => {
    for (const value of ['//evil.com/a.png', '/\\evil.com/a.png']) expect(refusal(url(value)).message).toMatch(/^"url" parameter cannot be a protocol-relative URL/);
  });

  it('refuses a url pointing at the endpoint itself', () => {
    expect(refusal(url('/_nexxo/image?url=/a.png&w=640&q=75')).message).toMatch(/cannot be recursive/);
    expect(refusal(url('/docs/_nexxo/%69mage'), { basePath: '/docs' }).message).toMatch(/cannot be recursive/);
  });

  it('applies localPatterns when they are configured', () => {
    const config = { localPatterns: [{ pathname: '/assets/**', search: '' }] };
    expect(parse(url('/assets/a.png'), { config }).source.kind).toBe('local');
    expect(refusal(url('/secret/a.png'), { config }).message).toMatch(/does not match images.localPatterns/);
    expect(refusal(url('/assets/a.png?v=1'), { config }).message).toMatch(/does not match images.localPatterns/);
  });

  it('accepts a remote URL only when a remote pattern allows it', () => {
    const config = { remotePatterns: [{ protocol: 'https' as const, hostname: 'cdn.example.com', pathname: '/img/**' }] };
    expect(parse(url('https://cdn.example.com/img/a.png'), { config }).source).toMatchObject({ kind: 'remote', href: 'https://cdn.example.com/img/a.png' });
    expect(refusal(url('https://evil.com/img/a.png'), { config })).toEqual({ status: 400, message: '"url" parameter is not allowed: evil.com does not match images.remotePatterns in nexxo.config.' });
    expect(refusal(url('http://cdn.example.com/img/a.png'), { config }).status).toBe(400);
    expect(refusal(url('https://cdn.example.com/other/a.png'), { config }).status).toBe(400);
    expect(refusal(url('ftp://cdn.example.com/img/a.png'), { config }).message).toMatch(/only http and https/);
    expect(refusal(url('not a url')).message).toMatch(/^"url" parameter is invalid/);
  });

  it('refuses private addresses even when a pattern allows them, unless dangerouslyAllowLocalIP', () => {
    const config = { remotePatterns: [{ hostname: '**' }] };
    expect(refusal(url('http://127.0.0.1:8080/a.png'), { config }).message).toMatch(/127.0.0.1 is a private address/);
    expect(refusal(url('http://169.254.169.254/latest/meta-data'), { config }).status).toBe(400);
    expect(refusal(url('http://[::1]/a.png'), { config }).status).toBe(400);
    expect(parse(url('http://127.0.0.1:8080/a.png'), { config: { ...config, dangerouslyAllowLocalIP: true } }).source.kind).toBe('remote');
  });

  it('picks the first configured format the Accept header names', () => {
    const config = { formats: ['image/avif' as const, 'image/webp' as const] };
    expect(parse(url('/a.png'), { config, accept: 'image/avif,image/webp,image/apng,image/*,*/*;q=0.8' }).format).toBe('image/avif');
    expect(parse(url('/a.png'), { config, accept: 'image/webp,*/*' }).format).toBe('image/webp');
    expect(parse(url('/a.png'), { config, accept: 'image/avif;q=0,image/webp' }).format).toBe('image/webp');
    expect(parse(url('/a.png'), { config, accept: '*/*' }).format).toBeNull();
    expect(parse(url('/a.png'), { accept: 'image/avif,image/webp' }).format).toBe('image/webp');
  });
});
