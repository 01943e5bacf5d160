// `nexxo/cloudflare`: bindings (KV, R2, D1, vars, secrets), `ctx.waitUntil` and `request.cf` of the
// current request when the app runs on Cloudflare Workers (`nexxo build --adapter cloudflare`).
export { getCloudflareContext, getPlatformEnv, isCloudflare, waitUntil, type PlatformContext, type PlatformExecutionContext } from '@nexxo/adapter-cloudflare/runtime';
