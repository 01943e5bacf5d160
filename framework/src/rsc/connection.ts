import { getRequestStore, useDynamic } from './request-store.js';

/**
 * Waits for the incoming request: what follows renders per request, never at build time (for
 * `Date.now()`, random values or data read without `fetch`). From `nexxo/server` (`next/server`).
 * @example
 * await connection();
 * return <p>Rendered at {new Date().toISOString()}</p>;
 */
export async function connection(): Promise<void> {
  useDynamic(getRequestStore('connection()'), '`connection()`');
}
