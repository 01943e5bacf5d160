/**
 * `notFound()` and `redirect()` work by throwing: rendering stops where they are called, and the
 * framework turns the throw into a status code (before the HTML shell is sent) or into client-side
 * behaviour (after). The `digest` survives the trip through the RSC stream, so the client and the
 * SSR layer recognise them without the message, which production builds strip.
 */
export const NOT_FOUND_DIGEST = 'NEXXO_NOT_FOUND';
const REDIRECT_PREFIX = 'NEXXO_REDIRECT';
export const DYNAMIC_USAGE_DIGEST = 'NEXXO_DYNAMIC_USAGE';

export type RedirectType = 'push' | 'replace';

export interface RedirectTarget {
  url: string;
  type: RedirectType;
  status: 307 | 308;
}

class NavigationError extends Error {
  readonly digest: string;
  constructor(message: string, digest: string) {
    super(message);
    this.digest = digest;
  }
}

/**
 * Renders the nearest `not-found` file and answers 404.
 * @example
 * const post = await getPost(slug);
 * if (!post) notFound();
 */
export function notFound(): never {
  throw new NavigationError('NEXXO_NOT_FOUND: notFound() was called.', NOT_FOUND_DIGEST);
}

/**
 * Sends the user to `url`: a 307 redirect when called before the page started streaming, a client
 * navigation otherwise.
 * @example
 * if (!session) redirect('/login');
 */
export function redirect(url: string, type: RedirectType = 'replace'): never {
  throw new NavigationError(`NEXXO_REDIRECT: redirect("${url}") was called.`, redirectDigest({ url, type, status: 307 }));
}

/** Like `redirect`, with status 308 (permanent). */
export function permanentRedirect(url: string, type: RedirectType = 'replace'): never {
  throw new NavigationError(`NEXXO_REDIRECT: permanentRedirect("${url}") was called.`, redirectDigest({ url, type, status: 308 }));
}

function redirectDigest(target: RedirectTarget): string {
  return [REDIRECT_PREFIX, target.type, target.status, encodeURIComponent(target.url)].join(';');
}

function digestOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && typeof (error as { digest?: unknown }).digest === 'string'
    ? (error as { digest: string }).digest
    : undefined;
}

export function isNotFoundError(error: unknown): boolean {
  return digestOf(error) === NOT_FOUND_DIGEST;
}

export function readRedirect(error: unknown): RedirectTarget | null {
  const digest = digestOf(error);
  if (!digest?.startsWith(REDIRECT_PREFIX + ';')) return null;
  const [, type, status, url] = digest.split(';');
  return { type: type === 'push' ? 'push' : 'replace', status: status === '308' ? 308 : 307, url: decodeURIComponent(url ?? '/') };
}

export function isDynamicUsageError(error: unknown): boolean {
  return digestOf(error) === DYNAMIC_USAGE_DIGEST;
}

/** Thrown while prerendering when a page reads request data; the route becomes dynamic. */
export class DynamicUsageError extends NavigationError {
  constructor(expression: string) {
    super(`Route used ${expression}, so it cannot be prerendered.`, DYNAMIC_USAGE_DIGEST);
  }
}

/** Errors that are control flow, not failures: never logged, never shown. */
export function isControlFlowError(error: unknown): boolean {
  return isNotFoundError(error) || readRedirect(error) !== null || isDynamicUsageError(error);
}
