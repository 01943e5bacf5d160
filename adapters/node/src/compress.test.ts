import { brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chooseEncoding, compressResponse } from './compress.js';

const HTML = '<!DOCTYPE html><html><body>' + '<p>Hello, compressed world.</p>'.repeat(200) + '</body></html>';

const request = (acceptEncoding: string | null, method = 'GET') =>
  new Request('http://localhost/', { method, headers: acceptEncoding === null ? {} : { 'Accept-Encoding': acceptEncoding } });

const htmlResponse = (headers: Record<string, string> = {}) =>
  new Response(HTML, { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(HTML.length), ...headers } });

/** Decompresses as much of `bytes` as is complete, without requiring the end of the stream. */
const partialDecode = {
  gzip: (bytes: Buffer) => gunzipSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH }).toString(),
  br: (bytes: Buffer) => brotliDecompressSync(bytes, { finishFlush: constants.BROTLI_OPERATION_FLUSH }).toString(),
};

describe('chooseEncoding', () => {
  it('prefers br when both br and gzip are accepted', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
  });

  it('picks gzip when br is not accepted', () => {
    expect(chooseEncoding('gzip, deflate')).toBe('gzip');
    expect(chooseEncoding('GZIP')).toBe('gzip');
  });

  it('returns null when neither is accepted or the header is missing', () => {
    expect(chooseEncoding('deflate, identity')).toBeNull();
    expect(chooseEncoding('brotli')).toBeNull();
    expect(chooseEncoding(null)).toBeNull();
  });
});

describe('compressResponse', () => {
  it.each([
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
  ] as const)('compresses an HTML response with %s', async (encoding, decompress) => {
    const response = compressResponse(request(encoding), htmlResponse({ 'X-Custom': 'kept' }));
    expect(response.headers.get('Content-Encoding')).toBe(encoding);
    expect(response.headers.get('X-Custom')).toBe('kept');
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.byteLength).toBeLessThan(HTML.length);
    expect(decompress(body).toString()).toBe(HTML);
  });

  it('sets Vary: Accept-Encoding, keeps the status and removes Content-Length', () => {
    const original = new Response(HTML, { status: 404, headers: { 'Content-Type': 'text/html', 'Content-Length': '5', Vary: 'Cookie' } });
    const response = compressResponse(request('gzip'), original);
    expect(response.status).toBe(404);
    expect(response.headers.get('Vary')).toBe('Cookie, Accept-Encoding');
    expect(response.headers.has('Content-Length')).toBe(false);
  });

  it('leaves an image response alone', () => {
    const image = new Response(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), { headers: { 'Content-Type': 'image/png' } });
    expect(compressResponse(request('br, gzip'), image)).toBe(image);
  });

  it('leaves a response alone for a HEAD request', () => {
    const response = htmlResponse();
    expect(compressResponse(request('br, gzip', 'HEAD'), response)).toBe(response);
  });

  it('leaves an already encoded response alone', () => {
    const response = htmlResponse({ 'Content-Encoding': 'gzip' });
    expect(compressResponse(request('br, gzip'), response)).toBe(response);
  });

  it('leaves the response alone when the client accepts no supported encoding', () => {
    const response = htmlResponse();
    expect(compressResponse(request(null), response)).toBe(response);
    expect(response.headers.get('Content-Length')).toBe(String(HTML.length));
  });

  it.each(['gzip', 'br'] as const)('with %s, makes the first chunk readable before the next one is produced', async (encoding) => {
    const encoder = new TextEncoder();
    let secondProduced = false;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('<p>fallback</p>'));
        setTimeout(() => {
          secondProduced = true;
          controller.enqueue(encoder.encode('<p>content</p>'));
          controller.close();
        }, 200);
      },
    });
    const response = compressResponse(request(encoding), new Response(body, { headers: { 'Content-Type': 'text/html' } }));
    const reader = response.body!.getReader();

    let received = Buffer.alloc(0);
    let decoded = '';
    while (!decoded.includes('<p>fallback</p>')) {
      const { done, value } = await reader.read();
      if (done) break;
      received = Buffer.concat([received, value]);
      decoded = partialDecode[encoding](received);
    }
    expect(decoded).toBe('<p>fallback</p>');
    expect(secondProduced).toBe(false);

    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received = Buffer.concat([received, value]);
    }
    expect(partialDecode[encoding](received)).toBe('<p>fallback</p><p>content</p>');
  });
});

describe('chooseEncoding with q-values', () => {
  it('honours q=0 and weights', () => {
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('gzip;q=0')).toBeNull();
    expect(chooseEncoding('gzip;q=1, br;q=0.5')).toBe('gzip');
    expect(chooseEncoding('x-br')).toBeNull();
  });
});
