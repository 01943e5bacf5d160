import type { MiddlewareEntry } from '@nexxo/runtime';
import { isCloudflare, getCloudflareContext } from '@nexxo/adapter-cloudflare/runtime';
import { middlewareFile, middlewareModule } from 'virtual:nexxo/middleware';
import { NexxoRequest, type Geo } from './nexxo-request.js';
import { NexxoResponse } from './nexxo-response.js';
import { isResponse } from '../is-response.js';

type MiddlewareFunction = (request: NexxoRequest, event: { waitUntil(promise: Promise<unknown>): void }) => unknown;

/**
 * The app's middleware.ts / proxy.ts as the runtime calls it (see createApp), or null. A function,
 * read when the app is created: `nexxo dev` keeps this module across rebuilds and fills the
 * middleware module of each build.
 */
export function middleware(): MiddlewareEntry | null {
  return middlewareModule ? { matcher: (exported('config') as { matcher?: unknown } | undefined)?.matcher, run: runMiddleware } : null;
}

/** An export of the middleware module, looked up by name: the bundler warns about a static read of one the file lacks. */
function exported(name: string): unknown {
  return (middlewareModule as Record<string, unknown> | null)?.[name];
}

async function runMiddleware(request: Request): Promise<Response> {
  const handler = (exported('middleware') ?? exported('proxy') ?? exported('default')) as MiddlewareFunction | undefined;
  if (typeof handler !== 'function')
    throw new Error(`${middlewareFile} exports no middleware function. Export one named \`middleware\` (or \`proxy\`), or a default function: export function middleware(request: NexxoRequest) { … }`);
  const { ip, geo } = platformInfo(request);
  const result = await handler(new NexxoRequest(request, { ...(ip ? { ip } : {}), ...(geo ? { geo } : {}) }), { waitUntil: waitUntilOf() });
  if (result === undefined || result === null) return NexxoResponse.next();
  if (!isResponse(result))
    throw new Error(`The middleware in ${middlewareFile} returned ${typeof result}. Return a Response (NexxoResponse.next(), .rewrite(url), .redirect(url), .json(data)) or nothing to continue.`);
  return result;
}

/** Only headers a platform sets itself are trusted: on Node, `ip` and `geo` stay undefined. */
function platformInfo(request: Request): { ip?: string; geo?: Geo } {
  if (isCloudflare()) {
    const cf = getCloudflareContext().cf ?? {};
    const text = (key: string) => (typeof cf[key] === 'string' || typeof cf[key] === 'number' ? String(cf[key]) : undefined);
    return { ...optional('ip', request.headers.get('cf-connecting-ip')), geo: { ...optional('country', text('country')), ...optional('region', text('region')), ...optional('city', text('city')), ...optional('latitude', text('latitude')), ...optional('longitude', text('longitude')) } };
  }
  if (typeof process !== 'undefined' && process.env.VERCEL) {
    const header = (name: string) => request.headers.get(name) ?? undefined;
    const city = header('x-vercel-ip-city');
    return {
      ...optional('ip', header('x-real-ip') ?? header('x-forwarded-for')?.split(',')[0]?.trim()),
      geo: { ...optional('country', header('x-vercel-ip-country')), ...optional('region', header('x-vercel-ip-country-region')), ...optional('city', city && decodeURIComponent(city)), ...optional('latitude', header('x-vercel-ip-latitude')), ...optional('longitude', header('x-vercel-ip-longitude')) },
    };
  }
  return {};
}

function optional<K extends string>(key: K, value: string | null | undefined): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}

function waitUntilOf(): (promise: Promise<unknown>) => void {
  if (isCloudflare()) {
    const { ctx } = getCloudflareContext();
    return (promise) => ctx.waitUntil(promise);
  }
  // Elsewhere the promise runs on; a failure is logged instead of crashing the process.
  return (promise) => void promise.catch((error: unknown) => console.error('[nexxo] A middleware waitUntil() promise failed:', error));
}
