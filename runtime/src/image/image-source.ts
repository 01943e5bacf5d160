import type { ReadBuildFile } from '../create-app.js';
import type { ImageEndpointConfig } from './image-config.js';
import { ImageError } from './image-error.js';
import type { ImageService, ImageSource } from './image-service.js';
import { sniffImageType } from './image-type.js';
import { isPrivateHostname } from './private-address.js';
import { hasRemoteMatch } from './remote-pattern.js';

export interface SourceContext {
  config: ImageEndpointConfig;
  /** URL paths (inside the base path) of the build's static files: the only local sources. */
  staticFiles: ReadonlySet<string>;
  readFile: ReadBuildFile;
  fetch: NonNullable<ImageService['fetch']>;
  /** Time allowed for a remote source, redirects and body included. */
  timeoutMs: number;
}

/** Next.js's timeout for an upstream image. */
export const REMOTE_TIMEOUT_MS = 7_000;

/** The global fetch, one hop at a time (redirects are checked by fetchRemoteSource). */
export const fetchOneHop: NonNullable<ImageService['fetch']> = (url, { signal }) =>
  fetch(url, { redirect: 'manual', signal, headers: { Accept: 'image/avif,image/webp,image/*,*/*;q=0.8' } });

/** A file of the build, read through the platform's `readFile`: nothing outside the static file list. */
export async function readLocalFile(path: string, context: SourceContext): Promise<Uint8Array> {
  const body = context.staticFiles.has(path) ? await context.readFile('static' + path) : null;
  if (!body) throw new ImageError(404, `"url" parameter is valid but ${path} is not a file of this build: local images come from public/ or from imports.`);
  return readLimited(body, context.config.maximumResponseBody, () => new ImageError(413, `"url" parameter is valid but ${path} is larger than images.maximumResponseBody (${context.config.maximumResponseBody} bytes).`));
}

/**
 * Fetches an allowed remote source: redirects are followed only to URLs that remotePatterns allow
 * too, at most `maximumRedirects` of them; the response must be a 200 with an image Content-Type,
 * and the body is counted as it streams, so an oversized one is aborted, not buffered.
 */
export async function fetchRemoteSource(start: URL, context: SourceContext): Promise<{ bytes: Uint8Array; maxAge: number }> {
  const { config } = context;
  const signal = AbortSignal.timeout(context.timeoutMs);
  let url = start;
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await context.fetch(url, { signal, allowLocalIP: config.dangerouslyAllowLocalIP });
      if ([301, 302, 303, 307, 308].includes(response.status)) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        if (!location) throw new ImageError(502, `"url" parameter is valid but upstream response is invalid: a ${response.status} redirect without a Location.`);
        if (redirects >= config.maximumRedirects) throw new ImageError(508, `"url" parameter is valid but upstream redirected more than images.maximumRedirects (${config.maximumRedirects}) times.`);
        url = allowedRedirect(new URL(location, url), config);
        continue;
      }
      if (response.status !== 200) {
        await response.body?.cancel();
        throw new ImageError(response.status === 404 ? 404 : 502, `"url" parameter is valid but upstream response is invalid (status ${response.status}).`);
      }
      const headerType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (!headerType.startsWith('image/')) {
        await response.body?.cancel();
        throw new ImageError(400, `The requested resource isn't a valid image: upstream sent Content-Type ${headerType || '(none)'}.`);
      }
      const tooLarge = () => new ImageError(413, `"url" parameter is valid but upstream response is larger than images.maximumResponseBody (${config.maximumResponseBody} bytes).`);
      if (Number(response.headers.get('content-length') ?? 0) > config.maximumResponseBody) {
        await response.body?.cancel();
        throw tooLarge();
      }
      const bytes = await readLimited(response.body ?? new Uint8Array(), config.maximumResponseBody, tooLarge);
      return { bytes, maxAge: parseMaxAge(response.headers.get('cache-control')) };
    }
  } catch (error) {
    if (signal.aborted) throw new ImageError(504, `"url" parameter is valid but upstream response timed out (after ${context.timeoutMs} ms).`);
    if (error instanceof ImageError) throw error;
    throw new ImageError(502, `"url" parameter is valid but upstream could not be fetched (${(error as Error).message}).`);
  }
}

function allowedRedirect(target: URL, config: ImageEndpointConfig): URL {
  const allowed = (target.protocol === 'http:' || target.protocol === 'https:') && hasRemoteMatch(config.remotePatterns, target) && (config.dangerouslyAllowLocalIP || !isPrivateHostname(target.hostname));
  if (!allowed) throw new ImageError(400, `"url" parameter is not allowed: upstream redirects to ${target.origin}${target.pathname}, which images.remotePatterns does not allow.`);
  return target;
}

/** Checks that `bytes` are an image the config allows, by their content. */
export function checkedSource(bytes: Uint8Array, maxAge: number, config: ImageEndpointConfig): ImageSource {
  const contentType = sniffImageType(bytes);
  if (!contentType) throw new ImageError(400, "The requested resource isn't a valid image: its content is not a JPEG, PNG, GIF, WebP, AVIF, TIFF, SVG, ICO or BMP image.");
  if (contentType === 'image/svg+xml' && !config.dangerouslyAllowSVG) {
    throw new ImageError(400, '"url" parameter is valid but image type is not allowed: SVG can contain scripts, so it is served only with images.dangerouslyAllowSVG (or render it with `unoptimized`).');
  }
  return { bytes, contentType, maxAge };
}

/** Reads a body, failing with `tooLarge()` as soon as more than `limit` bytes arrive. */
export async function readLimited(body: ReadableStream<Uint8Array> | Uint8Array, limit: number, tooLarge: () => Error): Promise<Uint8Array> {
  if (body instanceof Uint8Array) {
    if (body.byteLength > limit) throw tooLarge();
    return body;
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** `s-maxage`, else `max-age`, of a Cache-Control header, in seconds; 0 without one. */
export function parseMaxAge(cacheControl: string | null): number {
  const directives = new Map<string, string>();
  for (const part of (cacheControl ?? '').toLowerCase().split(',')) {
    const [key, value = ''] = part.trim().split('=');
    if (key) directives.set(key, value.replace(/^"|"$/g, ''));
  }
  const value = directives.get('s-maxage') ?? directives.get('max-age');
  const seconds = value ? Number.parseInt(value, 10) : 0;
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
}
