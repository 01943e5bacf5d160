import { renderToReadableStream } from 'react-server-dom-webpack/server.edge';
import { createFromReadableStream } from 'react-server-dom-webpack/client.edge';
import { boundArgsKey } from 'virtual:nexxo/server-actions';
import { serverManifest } from './register.js';

/**
 * The values an inline server action closes over travel to the browser and back with the action.
 * They are encrypted (AES-GCM, a key per build, the action's id as additional data) so that a
 * client can neither read them nor forge them, nor move them from one action to another.
 */
type AesKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;
let key: { source: string; key: Promise<AesKey> } | undefined;
function cryptoKey(): Promise<AesKey> {
  // Imported again for another key (`nexxo dev` keeps this module across rebuilds).
  if (key?.source !== boundArgsKey) key = { source: boundArgsKey, key: crypto.subtle.importKey('raw', Uint8Array.from(atob(boundArgsKey), (char) => char.charCodeAt(0)), 'AES-GCM', false, ['encrypt', 'decrypt']) };
  return key.key;
}

const NO_CLIENT_REFERENCES = new Proxy({} as Record<string, unknown>, { get: () => undefined });

export async function encryptActionBoundArgs(actionId: string, args: unknown[]): Promise<string> {
  // Flight's own format, so closed-over values may be anything a server component can pass to the client.
  const serialized = await new Response(renderToReadableStream(args, NO_CLIENT_REFERENCES, { onError: () => {} }) as ReadableStream).text();
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(actionId) }, await cryptoKey(), new TextEncoder().encode(serialized));
  return toBase64(iv) + '.' + toBase64(new Uint8Array(sealed));
}

export async function decryptActionBoundArgs(actionId: string, encrypted: string | Promise<string>): Promise<unknown[]> {
  const [iv, sealed] = String(await encrypted).split('.');
  let serialized: string;
  try {
    const opened = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(iv ?? ''), additionalData: new TextEncoder().encode(actionId) }, await cryptoKey(), fromBase64(sealed ?? ''));
    serialized = new TextDecoder().decode(opened);
  } catch {
    throw new Error('The server action was called with values that were not encrypted by this build (forged, or from another deployment). Reload the page.');
  }
  const stream = new Response(serialized).body!;
  return (await createFromReadableStream(stream, { serverConsumerManifest: { moduleMap: {}, serverModuleMap: serverManifest, moduleLoading: null } })) as unknown[];
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}
