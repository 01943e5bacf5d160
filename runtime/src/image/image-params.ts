import { stripBasePath } from '../routing-rules.js';
import { decodePathParts } from '../url-path.js';
import type { ImageEndpointConfig, ImageFormat } from './image-config.js';
import { ImageError } from './image-error.js';
import { negotiateFormat } from './image-type.js';
import { isPrivateHostname } from './private-address.js';
import { hasRemoteMatch, matchLocalPattern } from './remote-pattern.js';

/** Where the endpoint serves, inside the base path. */
export const IMAGE_ENDPOINT = '/_nexxo/image';

export type ImageSourceRef =
  /** A file of the build (`public/` or an imported asset): `path` is its URL path inside the base path. */
  | { kind: 'local'; href: string; path: string }
  | { kind: 'remote'; href: string; url: URL };

export interface ImageParams {
  source: ImageSourceRef;
  width: number;
  quality: number;
  /** The format to encode to; null keeps the source's. */
  format: ImageFormat | null;
}

const MAX_URL_LENGTH = 3072;

/**
 * Reads and checks `url`, `w` and `q` of an image request; throws an ImageError (400) that says
 * what is wrong. Messages start as Next.js's do, so the same monitoring catches both.
 */
export function parseImageParams(requestUrl: URL, accept: string | null, config: ImageEndpointConfig, basePath: string): ImageParams {
  const source = parseSource(single(requestUrl, 'url', '"url" parameter'), config, basePath);
  const width = parseWidth(single(requestUrl, 'w', '"w" parameter (width)'), config);
  const quality = parseQuality(single(requestUrl, 'q', '"q" parameter (quality)'), config);
  return { source, width, quality, format: negotiateFormat(accept, config.formats) };
}

function single(url: URL, name: string, label: string): string {
  const values = url.searchParams.getAll(name);
  if (values.length === 0 || values[0] === '') throw new ImageError(400, `${label} is required.`);
  if (values.length > 1) throw new ImageError(400, `${label} cannot be an array: give it once.`);
  return values[0]!;
}

function parseSource(href: string, config: ImageEndpointConfig, basePath: string): ImageSourceRef {
  if (href.length > MAX_URL_LENGTH) throw new ImageError(400, `"url" parameter is too long (more than ${MAX_URL_LENGTH} characters).`);
  // `//host/x` and `/\host/x` are other hosts to a browser; neither is a path of this app.
  if (href.startsWith('//') || href.startsWith('/\\')) throw new ImageError(400, '"url" parameter cannot be a protocol-relative URL (//): give a path of this app (`/photo.jpg`) or an absolute https:// URL allowed by images.remotePatterns.');
  if (href.startsWith('/')) return parseLocal(href, config, basePath);

  let url: URL;
  try {
    url = new URL(href);
  } catch {
    throw new ImageError(400, '"url" parameter is invalid: give a path of this app (`/photo.jpg`) or an absolute http(s) URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ImageError(400, `"url" parameter is invalid: only http and https sources are fetched, not ${url.protocol}.`);
  if (!hasRemoteMatch(config.remotePatterns, url)) throw new ImageError(400, `"url" parameter is not allowed: ${url.host} does not match images.remotePatterns in nexxo.config.`);
  if (!config.dangerouslyAllowLocalIP && isPrivateHostname(url.hostname)) throw new ImageError(400, `"url" parameter is not allowed: ${url.hostname} is a private address (set images.dangerouslyAllowLocalIP to allow it).`);
  return { kind: 'remote', href: url.href, url };
}

function parseLocal(href: string, config: ImageEndpointConfig, basePath: string): ImageSourceRef {
  const split = href.search(/[?#]/);
  const rawPath = split === -1 ? href : href.slice(0, split);
  const search = split === -1 || href[split] === '#' ? '' : href.slice(split).replace(/#.*$/, '');
  const parts = decodePathParts(rawPath);
  if (!parts) throw new ImageError(400, '"url" parameter is invalid: the path has malformed percent-encoding.');
  // Checked on decoded segments: `%2e%2e`, `..%2f` and `%5c` are the same escape attempts.
  if (parts.some((part) => part === '.' || part === '..' || part.includes('/') || part.includes('\\'))) {
    throw new ImageError(400, '"url" parameter is not allowed: the path must not contain `.` or `..` segments or encoded slashes.');
  }
  const inner = stripBasePath('/' + parts.join('/'), basePath);
  if (inner === IMAGE_ENDPOINT || inner?.startsWith(IMAGE_ENDPOINT + '/')) throw new ImageError(400, '"url" parameter cannot be recursive: it points at the image endpoint itself.');
  if (config.localPatterns && !config.localPatterns.some((pattern) => matchLocalPattern(pattern, rawPath, search))) {
    throw new ImageError(400, '"url" parameter is not allowed: the path does not match images.localPatterns in nexxo.config.');
  }
  if (inner === null) throw new ImageError(404, `"url" parameter is valid but ${rawPath} is outside the base path ${basePath}: local images are paths of this app, base path included.`);
  return { kind: 'local', href, path: inner };
}

function parseWidth(value: string, config: ImageEndpointConfig): number {
  const width = /^\d+$/.test(value) ? Number(value) : 0;
  if (width <= 0) throw new ImageError(400, '"w" parameter (width) must be an integer greater than 0.');
  if (!config.deviceSizes.includes(width) && !config.imageSizes.includes(width)) {
    const sizes = [...new Set([...config.imageSizes, ...config.deviceSizes])].sort((a, b) => a - b);
    throw new ImageError(400, `"w" parameter (width) of ${width} is not allowed: use one of images.deviceSizes or images.imageSizes (${sizes.join(', ')}).`);
  }
  return width;
}

function parseQuality(value: string, config: ImageEndpointConfig): number {
  const quality = /^\d+$/.test(value) ? Number(value) : 0;
  if (quality < 1 || quality > 100) throw new ImageError(400, '"q" parameter (quality) must be an integer between 1 and 100.');
  if (!config.qualities.includes(quality)) throw new ImageError(400, `"q" parameter (quality) of ${quality} is not allowed: use one of images.qualities (${config.qualities.join(', ')}).`);
  return quality;
}
