import { ImageError } from '@nexxo/runtime';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchWithAddressCheck } from './image-fetch.js';

let server: Server;
let port: number;
beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/moved') return response.writeHead(302, { Location: '/a.png' }).end();
    response.writeHead(200, { 'Content-Type': 'image/png', 'Cache-Control': 'max-age=60' }).end('png bytes');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const fetchOne = (url: string, allowLocalIP: boolean) => fetchWithAddressCheck(new URL(url), { signal: AbortSignal.timeout(5_000), allowLocalIP });

describe('fetchWithAddressCheck', () => {
  it('fetches when local addresses are allowed, and returns redirects as they are', async () => {
    const response = await fetchOne(`http://localhost:${port}/a.png`, true);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(await response.text()).toBe('png bytes');
    const moved = await fetchOne(`http://127.0.0.1:${port}/moved`, true);
    expect([moved.status, moved.headers.get('location')]).toEqual([302, '/a.png']);
  });

  it('refuses a host name that resolves to a private address before connecting', async () => {
    const error = await fetchOne(`http://localhost:${port}/a.png`, false).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImageError);
    expect((error as ImageError).message).toMatch(/^"url" parameter is not allowed: localhost resolves to the private address (127\.0\.0\.1|::1)/);
  });
});
