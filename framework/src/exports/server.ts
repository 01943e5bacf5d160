// `nexxo/server` (also `next/server`): the request and response of middleware and route handlers.
export { NexxoRequest, NexxoRequest as NextRequest, type Geo, type NexxoRequestInit } from '../rsc/middleware/nexxo-request.js';
export { NexxoResponse, NexxoResponse as NextResponse, type MiddlewareResponseInit } from '../rsc/middleware/nexxo-response.js';
export { NexxoURL, NexxoURL as NextURL } from '../rsc/middleware/nexxo-url.js';
export { ResponseCookies } from '../rsc/middleware/response-cookies.js';
export type { RequestCookies, Cookie, CookieOptions } from '../rsc/request-cookies.js';
export { connection } from '../rsc/connection.js';
