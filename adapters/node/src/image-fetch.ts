import { ImageError, isPrivateAddress, type ImageService } from '@nexxo/runtime';
import { lookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { Readable } from 'node:stream';

/**
 * One hop of a remote image fetch for the image endpoint. Unless local addresses are allowed, the
 * host name is resolved here and the connection goes to exactly the addresses that were checked:
 * a public name that resolves to 127.0.0.1 or 169.254.169.254 is refused, and a DNS answer that
 * changes between the check and the connection (rebinding) cannot slip through.
 */
export const fetchWithAddressCheck: NonNullable<ImageService['fetch']> = (url, { signal, allowLocalIP }) =>
  new Promise<Response>((resolve, reject) => {
    const https = url.protocol === 'https:';
    const send = https ? httpsRequest : httpRequest;
    const request = send(url, { agent: agentFor(https, allowLocalIP), signal, headers: { Accept: 'image/avif,image/webp,image/*,*/*;q=0.8', 'Accept-Encoding': 'identity', 'User-Agent': 'nexxo-image-optimizer' }, ...(allowLocalIP ? {} : { lookup: publicOnlyLookup }) }, (response) =>
      resolve(toWebResponse(response)),
    );
    request.once('error', reject);
    request.end();
  });

/**
 * Kept-alive sockets are reused by host and port without a new lookup: a socket opened while
 * local addresses were allowed must never serve a request that checks them, so each mode has its
 * own agents.
 */
const agents = new Map<string, HttpAgent>();
function agentFor(https: boolean, allowLocalIP: boolean): HttpAgent {
  const key = `${https}:${allowLocalIP}`;
  let agent = agents.get(key);
  if (!agent) {
    agent = https ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
    agents.set(key, agent);
  }
  return agent;
}

const publicOnlyLookup = ((hostname: string, options: LookupAllOptions, callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void) => {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const blocked = addresses.find((address) => isPrivateAddress(address.address));
    if (blocked) return callback(new ImageError(400, `"url" parameter is not allowed: ${hostname} resolves to the private address ${blocked.address} (set images.dangerouslyAllowLocalIP to allow it).`), []);
    if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}) as unknown as LookupFunction;

function toWebResponse(response: IncomingMessage): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, item);
  }
  const status = response.statusCode ?? 502;
  if (status < 200 || status > 599 || [204, 205, 304].includes(status)) {
    response.resume();
    return new Response(null, { status: status < 200 || status > 599 ? 502 : status, headers });
  }
  return new Response(Readable.toWeb(response) as ReadableStream<Uint8Array>, { status, headers });
}
