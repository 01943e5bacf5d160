import { constants, createBrotliCompress, createGzip, type BrotliCompress, type Gzip } from 'node:zlib';

const compressible = /^(?:text\/|application\/(?:json|javascript|xml|manifest\+json)|image\/svg\+xml)/;

/** Picks brotli or gzip from the request's Accept-Encoding, or null. */
export function chooseEncoding(acceptEncoding: string | null): 'br' | 'gzip' | null {
  const weights = new Map<string, number>();
  for (const entry of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [token, ...parameters] = entry.trim().split(';');
    const q = parameters.map((parameter) => /^\s*q=([\d.]+)\s*$/.exec(parameter)?.[1]).find((value) => value !== undefined);
    if (token) weights.set(token.trim(), q === undefined ? 1 : Number(q));
  }
  const weight = (name: string) => weights.get(name) ?? weights.get('*') ?? 0;
  if (weight('br') > 0 && weight('br') >= weight('gzip')) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return null;
}

/**
 * Compresses text responses. Every chunk is flushed through the compressor as it arrives, so a
 * streamed page still reaches the browser piece by piece (the Suspense fallback before the content).
 */
export function compressResponse(request: Request, response: Response): Response {
  const encoding = chooseEncoding(request.headers.get('accept-encoding'));
  const type = response.headers.get('content-type') ?? '';
  if (!encoding || !response.body || request.method === 'HEAD' || response.headers.has('content-encoding') || !compressible.test(type) || type.startsWith('text/event-stream'))
    return response;
  const headers = new Headers(response.headers);
  headers.set('Content-Encoding', encoding);
  headers.delete('Content-Length');
  const vary = headers.get('Vary');
  if (!vary?.toLowerCase().split(/\s*,\s*/).includes('accept-encoding')) headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
  // The compressed bytes differ from the original, so a strong validator no longer holds.
  const etag = headers.get('ETag');
  if (etag && !etag.startsWith('W/')) headers.set('ETag', `W/${etag}`);
  return new Response(compressStream(response.body, encoding), { status: response.status, statusText: response.statusText, headers });
}

function compressStream(body: ReadableStream<Uint8Array>, encoding: 'br' | 'gzip'): ReadableStream<Uint8Array> {
  const compressor: BrotliCompress | Gzip =
    encoding === 'br' ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }) : createGzip({ level: 6 });
  const flushKind = encoding === 'br' ? constants.BROTLI_OPERATION_FLUSH : constants.Z_SYNC_FLUSH;
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      compressor.on('data', (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
      compressor.on('end', () => controller.close());
      compressor.on('error', (error) => controller.error(error));
      void (async () => {
        try {
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            compressor.write(value);
            await new Promise<void>((resolve) => compressor.flush(flushKind, () => resolve()));
          }
          compressor.end();
        } catch (error) {
          compressor.destroy(error as Error);
        }
      })();
    },
    cancel(reason) {
      void reader.cancel(reason);
      compressor.destroy();
    },
  });
}
