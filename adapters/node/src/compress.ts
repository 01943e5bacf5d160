import { constants, createBrotliCompress, createGzip, type BrotliCompress, type Gzip } from 'node:zlib';

const compressible = /^(?:text\/|application\/(?:json|javascript|xml|manifest\+json)|image\/svg\+xml)/;

/** Picks brotli or gzip from the request's Accept-Encoding, or null. */
export function chooseEncoding(acceptEncoding: string | null): 'br' | 'gzip' | null {
  const accepted = (acceptEncoding ?? '').toLowerCase();
  if (/\bbr\b/.test(accepted)) return 'br';
  if (/\bgzip\b/.test(accepted)) return 'gzip';
  return null;
}

/**
 * Compresses text responses. Every chunk is flushed through the compressor as it arrives, so a
 * streamed page still reaches the browser piece by piece (the Suspense fallback before the content).
 */
export function compressResponse(request: Request, response: Response): Response {
  const encoding = chooseEncoding(request.headers.get('accept-encoding'));
  const type = response.headers.get('content-type') ?? '';
  if (!encoding || !response.body || request.method === 'HEAD' || response.headers.has('content-encoding') || !compressible.test(type)) return response;
  const headers = new Headers(response.headers);
  headers.set('Content-Encoding', encoding);
  headers.delete('Content-Length');
  headers.append('Vary', 'Accept-Encoding');
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
