/**
 * How the browser and the server talk about RSC payloads. Shared by the runtime (which answers)
 * and the framework's router (which asks), so both always agree.
 */

/** The search param that asks for the RSC payload instead of HTML (it also keeps caches apart). */
export const RSC_PARAM = '_rsc';
/** The request header a client sends with the segment keys it already shows. */
export const TREE_HEADER = 'nexxo-tree';
export const RSC_CONTENT_TYPE = 'text/x-component';
/** Marks a prefetch: the server answers 204 for pages it would have to render per request. */
export const PREFETCH_HEADER = 'nexxo-prefetch';

export function encodeTree(keys: string[]): string {
  return keys.map(encodeURIComponent).join('/');
}

export function decodeTree(header: string | null): string[] | null {
  if (!header) return null;
  try {
    return header.split('/').map(decodeURIComponent);
  } catch {
    return null;
  }
}
