import { serializeCookie, type Cookie, type CookieOptions } from '../request-cookies.js';

/** `response.cookies`: writes `Set-Cookie` headers on the response it belongs to. */
export class ResponseCookies {
  readonly #headers: Headers;
  readonly #values = new Map<string, string>();

  constructor(headers: Headers) {
    this.#headers = headers;
  }

  get(name: string): Cookie | undefined {
    const value = this.#values.get(name);
    return value === undefined ? undefined : { name, value };
  }

  getAll(): Cookie[] {
    return [...this.#values].map(([name, value]) => ({ name, value }));
  }

  has(name: string): boolean {
    return this.#values.has(name);
  }

  /** `set(name, value, options)` or `set({ name, value, ...options })`, as in Next.js. */
  set(nameOrCookie: string | (Cookie & CookieOptions), value?: string, options?: CookieOptions): this {
    if (typeof nameOrCookie !== 'string') {
      const { name, value: cookieValue, ...rest } = nameOrCookie;
      return this.set(name, cookieValue, rest);
    }
    if (value === undefined) throw new Error(`response.cookies.set("${nameOrCookie}") needs a value: response.cookies.set("${nameOrCookie}", "value").`);
    this.#values.set(nameOrCookie, value);
    this.#headers.append('Set-Cookie', serializeCookie(nameOrCookie, value, options));
    return this;
  }

  /** Tells the browser to drop the cookie (an expired `Set-Cookie`). */
  delete(name: string, options: Pick<CookieOptions, 'path' | 'domain'> = {}): this {
    this.#values.delete(name);
    this.#headers.append('Set-Cookie', serializeCookie(name, '', { ...options, maxAge: 0, expires: new Date(0) }));
    return this;
  }
}
