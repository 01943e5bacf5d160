/** `serverActions` from nexxo.config, as the runtime applies it. */
export interface ServerActionsConfig {
  /** Largest request body an action accepts, in bytes (default 1 MB). */
  bodySizeLimit: number;
  /** Hosts besides the app's own whose pages may post actions (`*` one label, `**` any number). */
  allowedOrigins: string[];
}

export const DEFAULT_SERVER_ACTIONS_CONFIG: ServerActionsConfig = { bodySizeLimit: 1024 * 1024, allowedOrigins: [] };

/**
 * Cross-site request forgery: a browser sends `Origin` with every POST, and another site's page
 * cannot fake it. An action runs only when it comes from the app's own host or an allowed one.
 * Requests without the header do not come from a browser page, so they carry no victim's session.
 */
export function isAllowedActionOrigin(request: Request, allowedOrigins: string[]): boolean {
  const origin = request.headers.get('origin');
  if (origin === null) return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    return false; // `null` (sandboxed frames, privacy-sensitive redirects) and garbage
  }
  const host = (request.headers.get('x-forwarded-host')?.split(',')[0] ?? request.headers.get('host') ?? new URL(request.url).host).trim().toLowerCase();
  return originHost === host || allowedOrigins.some((pattern) => hostMatches(originHost, pattern.toLowerCase()));
}

function hostMatches(host: string, pattern: string): boolean {
  const hostLabels = host.split('.');
  const patternLabels = pattern.split('.');
  const match = (hostIndex: number, patternIndex: number): boolean => {
    if (patternIndex === patternLabels.length) return hostIndex === hostLabels.length;
    const label = patternLabels[patternIndex];
    if (label === '**') {
      for (let next = hostIndex + 1; next <= hostLabels.length; next++) if (match(next, patternIndex + 1)) return true;
      return false;
    }
    if (hostIndex === hostLabels.length) return false;
    return (label === '*' || label === hostLabels[hostIndex]) && match(hostIndex + 1, patternIndex + 1);
  };
  return match(0, 0);
}

/**
 * The request with its body read into memory, or null when the body is larger than `limit` bytes.
 * Reading stops at the limit, so an endless body costs no more than that.
 */
export async function readBodyWithin(request: Request, limit: number): Promise<Request | null> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) return null;
  if (!request.body) return request;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      void reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new Request(request.url, { method: request.method, headers: request.headers, body, signal: request.signal });
}

/** The Cookie header the browser will send after these Set-Cookie values (for a render in the same response). */
export function cookieHeaderAfter(cookieHeader: string | null, setCookies: string[]): string {
  const cookies = new Map<string, string>();
  for (const part of (cookieHeader ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0) cookies.set(part.slice(0, index).trim(), part.slice(index + 1).trim());
  }
  for (const setCookie of setCookies) {
    const [pair = '', ...attributes] = setCookie.split(';');
    const index = pair.indexOf('=');
    if (index <= 0) continue;
    const name = pair.slice(0, index).trim();
    const expired = attributes.some((attribute) => /^\s*max-age\s*=\s*(0|-\d+)\s*$/i.test(attribute));
    if (expired) cookies.delete(name);
    else cookies.set(name, pair.slice(index + 1).trim());
  }
  return [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
}
