export interface Cookie {
  name: string;
  value: string;
}

export interface CookieOptions {
  path?: string;
  domain?: string;
  maxAge?: number;
  expires?: Date;
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: 'strict' | 'lax' | 'none';
}

function parseCookieHeader(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index <= 0) continue;
    const name = part.slice(0, index).trim();
    if (cookies.has(name)) continue;
    const raw = part.slice(index + 1).trim().replace(/^"(.*)"$/, '$1');
    try {
      cookies.set(name, decodeURIComponent(raw));
    } catch {
      cookies.set(name, raw);
    }
  }
  return cookies;
}

export function serializeCookie(name: string, value: string, options: CookieOptions = {}): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${options.path ?? '/'}`];
  if (options.domain) parts.push(`Domain=${options.domain}`);
  if (options.maxAge !== undefined) parts.push(`Max-Age=${Math.floor(options.maxAge)}`);
  if (options.expires) parts.push(`Expires=${options.expires.toUTCString()}`);
  if (options.httpOnly) parts.push('HttpOnly');
  if (options.secure) parts.push('Secure');
  if (options.sameSite) parts.push(`SameSite=${options.sameSite[0]!.toUpperCase()}${options.sameSite.slice(1)}`);
  return parts.join('; ');
}

/**
 * The cookies of the incoming request. `set` and `delete` work where a response can still carry
 * them (route handlers); in a server component they throw with the fix.
 */
export class RequestCookies {
  readonly #values: Map<string, string>;
  readonly #mutable: boolean;
  /** Set-Cookie header values to add to the response. */
  readonly outgoing: string[] = [];

  constructor(header: string | null, mutable: boolean) {
    this.#values = parseCookieHeader(header);
    this.#mutable = mutable;
  }

  get size(): number {
    return this.#values.size;
  }

  get(name: string | Cookie): Cookie | undefined {
    const key = typeof name === 'string' ? name : name.name;
    const value = this.#values.get(key);
    return value === undefined ? undefined : { name: key, value };
  }

  getAll(name?: string): Cookie[] {
    return [...this.#values].filter(([key]) => name === undefined || key === name).map(([key, value]) => ({ name: key, value }));
  }

  has(name: string): boolean {
    return this.#values.has(name);
  }

  /** `set(name, value, options)` or `set({ name, value, ...options })`, as in Next.js. */
  set(nameOrCookie: string | (Cookie & CookieOptions), value?: string, options?: CookieOptions): this {
    this.#assertMutable('set');
    if (typeof nameOrCookie !== 'string') {
      const { name: cookieName, value: cookieValue, ...cookieOptions } = nameOrCookie;
      return this.set(cookieName, cookieValue, cookieOptions);
    }
    const name = nameOrCookie;
    if (value === undefined) throw new Error(`cookies().set("${name}") needs a value: cookies().set("${name}", "value").`);
    this.#values.set(name, value);
    this.outgoing.push(serializeCookie(name, value, options));
    return this;
  }

  delete(name: string): this {
    this.#assertMutable('delete');
    this.#values.delete(name);
    this.outgoing.push(serializeCookie(name, '', { maxAge: 0, expires: new Date(0) }));
    return this;
  }

  toString(): string {
    return [...this.#values].map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('; ');
  }

  #assertMutable(method: string): void {
    if (!this.#mutable)
      throw new Error(
        `cookies().${method}() was called while rendering a server component. A rendered page's headers are already sent, so cookies can only be changed in a route handler or a server action: move this call there.`,
      );
  }
}
