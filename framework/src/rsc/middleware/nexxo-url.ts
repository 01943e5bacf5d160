import { RSC_PARAM } from '@nexxo/runtime/protocol';

/**
 * `request.nextUrl`: a URL whose `pathname` is the app path, without the base path; `href`,
 * `toString()` and `new URL(nextUrl)` keep the base path, so a modified clone can be passed to
 * `NexxoResponse.rewrite()` or `redirect()` as it is.
 *
 * @example
 * const url = request.nextUrl.clone();
 * url.pathname = '/login'; // under basePath '/docs': url.href ends in /docs/login
 */
export class NexxoURL extends URL {
  declare readonly basePath: string;

  constructor(input: string | URL, options: { basePath?: string } = {}) {
    super(String(input));
    Object.defineProperty(this, 'basePath', { value: options.basePath ?? '', enumerable: true });
    // The router's payload param is transport, not part of the app's URL.
    this.searchParams.delete(RSC_PARAM);
  }

  clone(): NexxoURL {
    return new NexxoURL(this.href, { basePath: this.basePath });
  }
}

// An accessor over URL's own: TypeScript's lib declares `pathname` as a field, so it is defined here.
const urlPathname = Object.getOwnPropertyDescriptor(URL.prototype, 'pathname')!;
Object.defineProperty(NexxoURL.prototype, 'pathname', {
  configurable: true,
  enumerable: true,
  get(this: NexxoURL): string {
    const full = urlPathname.get!.call(this) as string;
    const { basePath } = this;
    if (!basePath || !(full === basePath || full.startsWith(basePath + '/'))) return full;
    return full.slice(basePath.length) || '/';
  },
  set(this: NexxoURL, value: string) {
    const path = value.startsWith('/') ? value : '/' + value;
    urlPathname.set!.call(this, this.basePath && path === '/' ? this.basePath : this.basePath + path);
  },
});
