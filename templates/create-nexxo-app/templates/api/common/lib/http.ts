/** A JSON error body with a status: `{ "error": { "message": "…" } }`. */
export function errorResponse(status: number, message: string): Response {
  return Response.json({ error: { message } }, { status });
}

/**
 * Reads a JSON object from the request body, or returns the 400 to send back. Route handlers
 * return the Response as is: `if (body instanceof Response) return body;`
 */
export async function readJsonObject(request: Request): Promise<Record<string, unknown> | Response> {
  try {
    const body: unknown = await request.json();
    if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // fall through to the 400 below
  }
  return errorResponse(400, 'The request body must be a JSON object, e.g. {"title": "Buy milk"}, sent with Content-Type: application/json.');
}
