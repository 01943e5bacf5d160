import { describe, expect, it } from 'vitest';
import { cookieHeaderAfter, isAllowedActionOrigin, readBodyWithin } from './action-guards.js';

function post(headers: Record<string, string>, body?: BodyInit): Request {
  return new Request('http://127.0.0.1:3000/form', { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
}

describe('isAllowedActionOrigin', () => {
  it('accepts the app its own origin and requests without one', () => {
    expect(isAllowedActionOrigin(post({ host: 'shop.example', origin: 'https://shop.example' }), [])).toBe(true);
    expect(isAllowedActionOrigin(post({ host: 'shop.example' }), [])).toBe(true);
  });

  it('rejects another site, a null origin and a look-alike host', () => {
    expect(isAllowedActionOrigin(post({ host: 'shop.example', origin: 'https://evil.example' }), [])).toBe(false);
    expect(isAllowedActionOrigin(post({ host: 'shop.example', origin: 'null' }), [])).toBe(false);
    expect(isAllowedActionOrigin(post({ host: 'shop.example', origin: 'https://shop.example.evil.example' }), [])).toBe(false);
    expect(isAllowedActionOrigin(post({ host: 'shop.example:3000', origin: 'https://shop.example' }), [])).toBe(false);
  });

  it('uses the forwarded host behind a proxy and honours allowedOrigins with wildcards', () => {
    expect(isAllowedActionOrigin(post({ host: 'internal:3000', 'x-forwarded-host': 'shop.example', origin: 'https://shop.example' }), [])).toBe(true);
    expect(isAllowedActionOrigin(post({ host: 'shop.example', origin: 'https://a.partner.example' }), ['*.partner.example'])).toBe(true);
    expect(isAllowedActionOrigin(post({ host: 'shop.example', origin: 'https://a.b.partner.example' }), ['*.partner.example'])).toBe(false);
    expect(isAllowedActionOrigin(post({ host: 'shop.example', origin: 'https://a.b.partner.example' }), ['**.partner.example'])).toBe(true);
    expect(isAllowedActionOrigin(post({ host: 'shop.example', origin: 'https://partner.example' }), ['*.partner.example'])).toBe(false);
  });
});

describe('readBodyWithin', () => {
  it('buffers a body within the limit and refuses a larger one, declared or streamed', async () => {
    const small = await readBodyWithin(post({}, 'hello'), 10);
    expect(await small!.text()).toBe('hello');
    expect(await readBodyWithin(post({ 'content-length': '11' }, 'hello world'), 10)).toBeNull();
    const stream = new ReadableStream({
      pull(controller) {
        controller.enqueue(new Uint8Array(4)); // never ends: reading must stop at the limit
      },
    });
    expect(await readBodyWithin(post({}, stream), 1000)).toBeNull();
  });
});

describe('cookieHeaderAfter', () => {
  it('applies set and deleted cookies to the request cookies', () => {
    expect(cookieHeaderAfter('a=1; b=2', ['b=3; Path=/', 'c=4; Path=/; HttpOnly', 'a=; Path=/; Max-Age=0'])).toBe('b=3; c=4');
  });
});
