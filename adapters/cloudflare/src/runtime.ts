// `@nexxo/adapter-cloudflare/runtime` (re-exported as `nexxo/cloudflare`): what app code uses on Workers.
export { getCloudflareContext, getPlatformEnv, isCloudflare, waitUntil, type PlatformContext, type PlatformExecutionContext } from './worker/platform-context.js';
