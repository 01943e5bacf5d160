import { RequestCookies } from '../request-cookies.js';
import { NexxoURL } from './nexxo-url.js';
import { basePath } from '../../shared/base-path.js';

/** Where the platform says the visitor is: Cloudflare's `request.cf`, Vercel's `x-vercel-ip-*` headers. */
export interface Geo {
  city?: string;
  country?: string;
  region?: string;
  latitude?: string;
  longitude?: string;
}

export interface NexxoRequestInit extends RequestInit {
  ip?: string;
  geo?: Geo;
}

/**
 * The request middleware receives (also usable in route handlers): a Request with `nextUrl`
 * (the URL without the base path), `cookies`, and `ip` / `geo` where the platform provides them
 * (undefined on Node).
 *
 * @example
 * export function middleware(request: NexxoRequest) {
 *   if (!request.cookies.has('session')) return NexxoResponse.redirect(new URL('/login', request.url));
 * }
 */
export class NexxoRequest extends Request {
  readonly nextUrl: NexxoURL;
  readonly cookies: RequestCookies;
  readonly ip: string | undefined;
  readonly geo: Geo | undefined;

  constructor(input: string | URL | Request, init: NexxoRequestInit = {}) {
    const { ip, geo, ...requestInit } = init;
    // From its parts: `new Request(request)` fails on the lazy request objects of @hono/node-server.
    const source = typeof input === 'object' && 'method' in input ? input : null;
    const hasBody = source !== null && source.method !== 'GET' && source.method !== 'HEAD' && source.body !== null;
    super(source ? source.url : input, source ? ({ method: source.method, headers: source.headers, signal: source.signal, ...(hasBody ? { body: source.body, duplex: 'half' } : {}), ...requestInit } as RequestInit) : requestInit);
    this.nextUrl = new NexxoURL(this.url, { basePath });
    // Read-only here: cookies for the browser go on the response (`response.cookies.set`).
    this.cookies = new RequestCookies(this.headers.get('cookie'), false);
    this.ip = ip;
    this.geo = geo;
  }
}
