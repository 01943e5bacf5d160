import { bytesToBase64 } from '@nexxo/runtime/cache';
import type { FetchBody, FetchInput, NextFetchInit } from './fetch-types.js';

/**
 * Cache keys are SHA-256 over a canonical JSON of everything that can change the answer. A key
 * shared by two different requests would serve one user's data to another, so when in doubt a
 * field is included: every header (authorization and cookie too), the body, the modes.
 */

/** Methods fetch upper-cases; others ('patch') are sent as written, so they stay as written. */
const NORMALIZED_METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);

/**
 * The data-cache key of a fetch, or null when its body is a stream (reading it to hash it would
 * consume what the fetch has to send).
 * @example
 * await fetchCacheKey('https://api.example.com/posts', { headers: { authorization: 'Bearer …' } });
 */
export async function fetchCacheKey(input: FetchInput, init: NextFetchInit = {}): Promise<string | null> {
  const request = input instanceof Request ? input : undefined;
  const body = init.body !== undefined ? await canonicalBody(init.body) : await requestBody(request);
  if (body === null) return null;
  const method = init.method ?? request?.method ?? 'GET';
  const headers = new Headers(init.headers ?? request?.headers);
  const canonical = [
    'fetch-v1',
    NORMALIZED_METHODS.has(method.toUpperCase()) ? method.toUpperCase() : method,
    request?.url ?? (input instanceof URL ? input.href : String(input)),
    // Headers iterate with lower-cased names; sorting again keeps repeated names in a fixed order too.
    [...headers].sort(([a, x], [b, y]) => (a === b ? compare(x, y) : compare(a, b))),
    init.cache ?? request?.cache ?? 'default',
    init.credentials ?? request?.credentials ?? 'same-origin',
    init.mode ?? request?.mode ?? 'cors',
    init.redirect ?? request?.redirect ?? 'follow',
    init.referrer ?? request?.referrer ?? 'about:client',
    init.referrerPolicy ?? request?.referrerPolicy ?? '',
    init.integrity ?? request?.integrity ?? '',
    body.value,
  ];
  return sha256Hex(JSON.stringify(canonical));
}

/**
 * The key of one unstable_cache call: its key parts, the function's source (so a deploy that
 * changes it misses) and its arguments as JSON.
 * @example
 * await callCacheKey(['posts'], getPosts.toString(), [{ page: 2 }]);
 */
export async function callCacheKey(keyParts: string[], fnSource: string, args: unknown[]): Promise<string> {
  let argsJson: string;
  try {
    argsJson = JSON.stringify(args, faithfulJson);
  } catch (error) {
    if ((error as { code?: string }).code === UNSERIALIZABLE_ARGUMENT) throw error;
    throw unserializable(`could not be turned into JSON (${(error as Error).message})`, error);
  }
  return sha256Hex(JSON.stringify(['call-v1', keyParts, fnSource, argsJson]));
}

type CanonicalBody = { value: unknown } | null;

async function canonicalBody(body: FetchBody | null): Promise<CanonicalBody> {
  if (body === null) return { value: null };
  if (typeof body === 'string') return { value: ['text', body] };
  if (body instanceof URLSearchParams) return { value: ['params', body.toString()] };
  if (body instanceof FormData) {
    const entries: unknown[] = [];
    for (const [name, value] of body) entries.push(typeof value === 'string' ? [name, value] : [name, await blobValue(value)]);
    return { value: ['form', entries] };
  }
  if (body instanceof Blob) return { value: ['blob', await blobValue(body)] };
  if (body instanceof ArrayBuffer) return { value: ['bytes', bytesToBase64(new Uint8Array(body))] };
  if (ArrayBuffer.isView(body)) return { value: ['bytes', bytesToBase64(new Uint8Array(body.buffer, body.byteOffset, body.byteLength))] };
  return null; // a ReadableStream, or a kind of body this key does not know: not cacheable
}

/** A Request's body is always a stream; a clone reads it without disturbing the one fetch sends. */
async function requestBody(request: Request | undefined): Promise<CanonicalBody> {
  if (!request?.body) return { value: null };
  try {
    return { value: ['bytes', bytesToBase64(new Uint8Array(await request.clone().arrayBuffer()))] };
  } catch {
    return null; // already read: the fetch will fail on its own
  }
}

async function blobValue(blob: Blob): Promise<unknown> {
  const name = 'name' in blob && typeof blob.name === 'string' ? blob.name : null;
  return { name, type: blob.type, bytes: bytesToBase64(new Uint8Array(await blob.arrayBuffer())) };
}

const UNSERIALIZABLE_ARGUMENT = 'NEXXO_UNSERIALIZABLE_CACHE_ARGUMENT';

/** JSON.stringify would drop or mangle these silently, and two different calls would then share a key. */
function faithfulJson(this: unknown, key: string, value: unknown): unknown {
  const at = key === '' ? '' : ` (at "${key}")`;
  if (typeof value === 'function') throw unserializable(`include a function${at}`);
  if (typeof value === 'symbol') throw unserializable(`include a symbol${at}`);
  if (typeof value === 'bigint') throw unserializable(`include a bigint${at}; pass it as a string`);
  if (value instanceof Map || value instanceof Set || value instanceof WeakMap || value instanceof WeakSet || value instanceof RegExp || value instanceof Promise)
    throw unserializable(`include a ${value.constructor.name}${at}, which JSON turns into {}; pass a plain object or array instead`);
  return value;
}

function unserializable(problem: string, cause?: unknown): Error {
  return Object.assign(
    new Error(`unstable_cache: the arguments ${problem}. Arguments are part of the cache key, so they must be JSON-serializable (strings, numbers, booleans, null, plain objects and arrays). Pass an id and look the value up inside the cached function instead.`, { cause }),
    { code: UNSERIALIZABLE_ARGUMENT },
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
