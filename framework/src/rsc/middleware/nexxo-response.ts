import { MIDDLEWARE_NEXT_HEADER, MIDDLEWARE_OVERRIDE_HEADERS, MIDDLEWARE_REQUEST_HEADER_PREFIX, MIDDLEWARE_REWRITE_HEADER } from '@nexxo/runtime/protocol';
import { ResponseCookies } from './response-cookies.js';

export interface MiddlewareResponseInit extends ResponseInit {
  /** `next({ request: { headers } })`: the headers the app sees instead of the request's. */
  request?: { headers?: Headers };
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * A Response with `cookies`, and what middleware returns: `NexxoResponse.next()` to continue,
 * `rewrite(url)` to serve another URL under the same address, `redirect(url)`, `json(data)`.
 *
 * @example
 * const headers = new Headers(request.headers);
 * headers.set('x-user', 'ada');
 * const response = NexxoResponse.next({ request: { headers } });
 * response.cookies.set('seen', '1');
 * return response;
 */
export class NexxoResponse<Body = unknown> extends Response {
  readonly cookies: ResponseCookies;
  /** Only for typing `json()`'s body. */
  declare readonly __body?: Body;

  constructor(body?: ConstructorParameters<typeof Response>[0], init: ResponseInit = {}) {
    super(body, init);
    this.cookies = new ResponseCookies(this.headers);
  }

  static override json<Body>(body: Body, init?: ResponseInit): NexxoResponse<Body> {
    const headers = new Headers(init?.headers);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    return new NexxoResponse<Body>(JSON.stringify(body), { ...init, headers });
  }

  /** A redirect to an absolute URL (`new URL('/login', request.url)`); 307 unless `init` says otherwise. */
  static override redirect(url: string | URL, init?: number | ResponseInit): NexxoResponse {
    const status = typeof init === 'number' ? init : (init?.status ?? 307);
    if (!REDIRECT_STATUSES.has(status)) throw new RangeError(`NexxoResponse.redirect(): ${status} is not a redirect status. Use 301, 302, 303, 307 or 308.`);
    const headers = new Headers(typeof init === 'object' ? init.headers : undefined);
    headers.set('Location', absoluteUrl(url, 'redirect'));
    return new NexxoResponse(null, { ...(typeof init === 'object' ? init : {}), status, headers });
  }

  /** Serves `destination` under the URL the browser asked for: a path of this app, or an external URL (proxied). */
  static rewrite(destination: string | URL, init?: MiddlewareResponseInit): NexxoResponse {
    const response = NexxoResponse.next(init);
    response.headers.delete(MIDDLEWARE_NEXT_HEADER);
    response.headers.set(MIDDLEWARE_REWRITE_HEADER, absoluteUrl(destination, 'rewrite'));
    return response;
  }

  /** Continues to the app, with other request headers if `init.request.headers` is given. */
  static next(init: MiddlewareResponseInit = {}): NexxoResponse {
    const { request, ...responseInit } = init;
    const headers = new Headers(responseInit.headers);
    headers.set(MIDDLEWARE_NEXT_HEADER, '1');
    if (request?.headers) {
      const names: string[] = [];
      request.headers.forEach((value, name) => {
        names.push(name);
        headers.set(MIDDLEWARE_REQUEST_HEADER_PREFIX + name, value);
      });
      headers.set(MIDDLEWARE_OVERRIDE_HEADERS, names.join(','));
    }
    return new NexxoResponse(null, { ...responseInit, headers });
  }
}

function absoluteUrl(url: string | URL, method: string): string {
  try {
    return new URL(String(url)).href;
  } catch {
    throw new TypeError(`NexxoResponse.${method}() needs an absolute URL, but got ${JSON.stringify(String(url))}. Build one from the request: new URL(${JSON.stringify(String(url))}, request.url), or request.nextUrl.clone() with a new pathname.`);
  }
}
