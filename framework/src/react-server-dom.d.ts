// react-server-dom-webpack ships no types; these are the parts Nexxo uses.
declare module 'react-server-dom-webpack/server.edge' {
  export function renderToReadableStream(
    model: unknown,
    webpackMap: unknown,
    options?: { onError?: (error: unknown) => string | void; signal?: AbortSignal; identifierPrefix?: string; temporaryReferences?: unknown },
  ): ReadableStream<Uint8Array>;
  export function registerClientReference<T>(proxy: T, id: string, exportName: string): T;
  export function registerServerReference<T>(reference: T, id: string, exportName: string | null): T;
  export function createTemporaryReferenceSet(): unknown;
  export function decodeReply<T = unknown[]>(body: string | FormData, serverManifest: unknown, options?: { temporaryReferences?: unknown }): Promise<T>;
  export function decodeAction(body: FormData, serverManifest: unknown): Promise<() => Promise<unknown>> | null;
  export function decodeFormState(actionResult: unknown, body: FormData, serverManifest: unknown): Promise<unknown>;
}
declare module 'react-server-dom-webpack/client.edge' {
  export function createFromReadableStream<T = unknown>(stream: ReadableStream<Uint8Array>, options: { serverConsumerManifest: unknown }): Promise<T>;
  export function createServerReference(id: string): (...args: unknown[]) => Promise<unknown>;
}
declare module 'react-server-dom-webpack/client.browser' {
  type CallServer = (id: string, args: unknown[]) => Promise<unknown>;
  export function createFromReadableStream<T = unknown>(stream: ReadableStream<Uint8Array>, options?: { callServer?: CallServer; temporaryReferences?: unknown }): Promise<T>;
  export function createFromFetch<T = unknown>(response: Promise<Response>, options?: { callServer?: CallServer; temporaryReferences?: unknown }): Promise<T>;
  export function createServerReference(id: string, callServer: CallServer): (...args: unknown[]) => Promise<unknown>;
  export function createTemporaryReferenceSet(): unknown;
  export function encodeReply(value: unknown, options?: { temporaryReferences?: unknown }): Promise<string | FormData>;
}
