/**
 * Whether a value is a Response. Not `instanceof Response` alone: @hono/node-server replaces the
 * global Response class, so a Response made by a class that extends the original one (such as
 * NexxoResponse, depending on load order) is not an instance of the current global.
 */
export function isResponse(value: unknown): value is Response {
  if (value instanceof Response) return true;
  return typeof value === 'object' && value !== null && 'headers' in value && 'status' in value && typeof (value as Response).arrayBuffer === 'function';
}
