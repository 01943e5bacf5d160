import { base64ToBytes, bytesToBase64 } from '@nexxo/runtime/cache';

/** A Response as the data cache stores it. */
interface StoredResponse {
  url: string;
  status: number;
  statusText: string;
  /** In order, with repeated names (set-cookie) kept apart. */
  headers: [string, string][];
  /** base64: bodies may be binary. */
  body: string;
}

/** Statuses whose Response may not have a body (the constructor throws otherwise). */
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/** Reads the whole body: a cached response is stored and replayed in one piece. */
export async function serializeResponse(response: Response): Promise<string> {
  const body = bytesToBase64(new Uint8Array(await response.arrayBuffer()));
  const stored: StoredResponse = { url: response.url, status: response.status, statusText: response.statusText, headers: [...response.headers], body };
  return JSON.stringify(stored);
}

/** A new Response for every read, since a body can be read only once; undefined for a value that is not a stored response. */
export function deserializeResponse(text: string): Response | undefined {
  let stored: StoredResponse;
  try {
    stored = JSON.parse(text) as StoredResponse;
    if (typeof stored.body !== 'string' || typeof stored.status !== 'number' || !Array.isArray(stored.headers)) return undefined;
    const body = NULL_BODY_STATUSES.has(stored.status) ? null : base64ToBytes(stored.body);
    const response = new Response(body, { status: stored.status, statusText: stored.statusText, headers: stored.headers });
    // Like the Response fetch returned: code that reads response.url (redirect targets) keeps working.
    if (stored.url) Object.defineProperty(response, 'url', { value: stored.url });
    return response;
  } catch {
    return undefined;
  }
}
