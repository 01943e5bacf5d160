/**
 * The rsc environment's entry: what the runtime calls to render pages and run route handlers.
 * Bundled with the `react-server` condition, together with `virtual:nexxo/app`.
 */
import './react-request-storage.js';
export { renderPage, routeConfig, staticParams } from './render-page.js';
export type { RenderPageInput, RenderPageResult, RenderSignals, RouteConfig } from './render-page.js';
export { handleRoute } from './route-handler.js';
export { middleware } from './middleware/run-middleware.js';
export { handleAction } from './server-actions/handle-action.js';
export { configureCache } from './request-cache.js';
