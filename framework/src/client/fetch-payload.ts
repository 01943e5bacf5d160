import { createFromFetch } from 'react-server-dom-webpack/client.browser';
import { callServer } from './call-server.js';
import { PREFETCH_HEADER, RSC_CONTENT_TYPE, RSC_PARAM, TREE_HEADER, encodeTree, type RscPayload } from '../shared/rsc-payload.js';

/** Thrown when the answer is not an RSC payload (a route handler, an external redirect): load it as a document. */
export class DocumentNavigationRequired extends Error {
  constructor(readonly url: string) {
    super(`${url} must be loaded as a document.`);
  }
}

/** A short hash of the tree header: part of the URL so that HTTP caches keep payloads apart. */
function treeHash(tree: string): string {
  let hash = 5381;
  for (let index = 0; index < tree.length; index++) hash = ((hash << 5) + hash + tree.charCodeAt(index)) | 0;
  return (hash >>> 0).toString(36);
}

/**
 * Fetches the RSC payload for `url`, telling the server which segments the client already shows
 * (`keys`, or null for everything) so it renders only what changes.
 */
/** The server declined a prefetch (the page renders per request, so it is fetched on click). */
export class PrefetchDeclined extends Error {}

export async function fetchPayload(url: URL, keys: string[] | null, options: { prefetch?: boolean } = {}): Promise<{ payload: RscPayload; url: URL }> {
  const tree = keys ? encodeTree(keys) : '';
  const target = new URL(url);
  target.hash = '';
  target.searchParams.set(RSC_PARAM, treeHash(tree));
  const headers: Record<string, string> = { [TREE_HEADER]: tree, accept: RSC_CONTENT_TYPE };
  if (options.prefetch) headers[PREFETCH_HEADER] = '1';
  const response = await fetch(target, { headers, credentials: 'same-origin' });
  if (options.prefetch && response.status === 204) throw new PrefetchDeclined(url.href);
  const finalUrl = new URL(response.url || target.href);
  finalUrl.searchParams.delete(RSC_PARAM);
  finalUrl.hash = url.hash;
  if (!response.headers.get('content-type')?.startsWith(RSC_CONTENT_TYPE)) throw new DocumentNavigationRequired(finalUrl.href);
  const payload = (await createFromFetch(Promise.resolve(response), { callServer })) as RscPayload;
  return { payload, url: finalUrl };
}
