import type { ReadBuildFile } from '../create-app.js';
import type { ImageEndpointConfig } from './image-config.js';
import { ImageError } from './image-error.js';
import { parseImageParams, type ImageParams } from './image-params.js';
import type { ImageService, ImageSource, OptimizedImage } from './image-service.js';
import { checkedSource, fetchOneHop, fetchRemoteSource, readLocalFile, REMOTE_TIMEOUT_MS, type SourceContext } from './image-source.js';
import { extensionFor } from './image-type.js';

export interface ImageEndpointOptions {
  config: ImageEndpointConfig;
  basePath: string;
  /** URL paths (inside the base path) of the build's static files. */
  staticFiles: ReadonlySet<string>;
  readFile: ReadBuildFile;
  /** The platform's optimizer; without one, local images are served as they are and remote ones redirected to. */
  service?: ImageService | undefined;
  timeoutMs?: number;
}

/** Bump when the way results are made changes, so old cache entries are not served. */
const CACHE_VERSION = 1;
/** Imported assets have content hashes in their names: their results never change. */
const HASHED_PREFIX = '/_nexxo/media/';
const YEAR = 31_536_000;
const IMMUTABLE = `public, max-age=${YEAR}, immutable`;

/**
 * `GET {basePath}/_nexxo/image?url=…&w=…&q=…`: checks the request (widths, qualities, local paths
 * and remote patterns), loads the source through those guards, and answers with the platform's
 * optimized image, `ETag`/304, `Cache-Control` and `Vary: Accept`. Web APIs only.
 */
export function createImageEndpoint(options: ImageEndpointOptions): (request: Request) => Promise<Response> {
  const { config, service } = options;
  const context: SourceContext = {
    config,
    staticFiles: options.staticFiles,
    readFile: options.readFile,
    fetch: service?.fetch ? service.fetch.bind(service) : fetchOneHop,
    timeoutMs: options.timeoutMs ?? REMOTE_TIMEOUT_MS,
  };

  // A build's files do not change while it is served (dev makes a new app when public/ changes),
  // so each public/ file is hashed once.
  const versions = new Map<string, Promise<string>>();
  const versionOf = (path: string, bytes: () => Promise<Uint8Array>) => {
    let version = versions.get(path);
    if (!version) {
      version = bytes().then(sha256);
      version.catch(() => versions.delete(path));
      versions.set(path, version);
    }
    return version;
  };

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(`Method ${request.method} is not allowed for the image endpoint.`, 405, { Allow: 'GET, HEAD' });
    try {
      const params = parseImageParams(new URL(request.url), request.headers.get('accept'), config, options.basePath);
      const hashed = params.source.kind === 'local' && params.source.path.startsWith(HASHED_PREFIX);
      if (!service) return await passThrough(request, params, hashed);
      const { source, width, quality, format } = params;

      let loadSource: () => Promise<ImageSource>;
      let version = '';
      if (source.kind === 'remote') {
        loadSource = async () => {
          const { bytes, maxAge } = await fetchRemoteSource(source.url, context);
          return checkedSource(bytes, maxAge, config);
        };
      } else if (hashed) {
        loadSource = async () => checkedSource(await readLocalFile(source.path, context), YEAR, config);
      } else {
        // A public/ file keeps its name when its content changes: the content is part of the key.
        let bytes: Promise<Uint8Array> | undefined;
        const read = () => (bytes ??= readLocalFile(source.path, context));
        version = await versionOf(source.path, read);
        loadSource = async () => checkedSource(await read(), 0, config);
      }
      const cacheKey = JSON.stringify([CACHE_VERSION, source.kind === 'local' ? source.path : source.href, version, width, quality, format]);
      const image = await service.optimize({ cacheKey, width, quality, format, minimumCacheTTL: config.minimumCacheTTL, loadSource });
      return imageResponse(request, image, hashed ? IMMUTABLE : `public, max-age=${image.maxAge}, must-revalidate`, fileName(params), config);
    } catch (error) {
      if (!(error instanceof ImageError)) throw error;
      if (error.status >= 500) console.error(`[nexxo] image endpoint: ${error.message} (${request.url})`);
      return text(error.message, error.status);
    }
  };

  /** No optimizer on this platform: the original image, still through the same guards. */
  async function passThrough(request: Request, params: ImageParams, hashed: boolean): Promise<Response> {
    const { source } = params;
    // Not fetched by the server: the browser goes to the allowed URL itself.
    if (source.kind === 'remote') return new Response(null, { status: 302, headers: { Location: source.href, 'Cache-Control': 'public, max-age=0, must-revalidate', Vary: 'Accept' } });
    const original = checkedSource(await readLocalFile(source.path, context), 0, config);
    const image: OptimizedImage = { ...original, etag: await sha256(original.bytes), maxAge: 0 };
    return imageResponse(request, image, hashed ? IMMUTABLE : 'public, max-age=0, must-revalidate', fileName(params), config);
  }
}

function imageResponse(request: Request, image: OptimizedImage, cacheControl: string, name: string, config: ImageEndpointConfig): Response {
  const etag = `"${image.etag}"`;
  const headers = new Headers({
    'Content-Type': image.contentType,
    'Cache-Control': cacheControl,
    ETag: etag,
    Vary: 'Accept',
    // An SVG opened on its own must not run scripts; the same header for every type, as Next.js.
    'Content-Security-Policy': config.contentSecurityPolicy,
    'Content-Disposition': `${config.contentDispositionType}; filename="${name}.${extensionFor(image.contentType)}"`,
    'X-Content-Type-Options': 'nosniff',
  });
  // Weak comparison: a compressing server in front may have turned the ETag into W/"…".
  const candidates = (request.headers.get('if-none-match') ?? '').split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (candidates.includes(etag) || candidates.includes('*')) return new Response(null, { status: 304, headers });
  headers.set('Content-Length', String(image.bytes.byteLength));
  return new Response(request.method === 'HEAD' ? null : (image.bytes as BodyInit), { status: 200, headers });
}

/** The download name: the source's file name without its extension, in safe characters. */
function fileName({ source }: ImageParams): string {
  const path = source.kind === 'local' ? source.path : source.url.pathname;
  let base = path.slice(path.lastIndexOf('/') + 1);
  try {
    base = decodeURIComponent(base);
  } catch {
    // Kept encoded; the characters are replaced below anyway.
  }
  base = base.replace(/\.[^.]*$/, '');
  return base.replace(/[^\w.-]/g, '_') || 'image';
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
  let hex = '';
  for (const byte of digest.subarray(0, 16)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

function text(message: string, status: number, headers: Record<string, string> = {}): Response {
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers } });
}
