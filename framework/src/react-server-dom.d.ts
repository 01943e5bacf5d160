// react-server-dom-webpack ships no types; these are the parts Nexxo uses.
declare module 'react-server-dom-webpack/server.edge' {
  export function renderToReadableStream(
    model: unknown,
    webpackMap: unknown,
    options?: { onError?: (error: unknown) => string | void; signal?: AbortSignal; identifierPrefix?: string },
  ): ReadableStream<Uint8Array>;
  export function registerClientReference<T>(proxy: T, id: string, exportName: string): T;
}
declare module 'react-server-dom-webpack/client.edge' {
  export function createFromReadableStream<T = unknown>(stream: ReadableStream<Uint8Array>, options: { serverConsumerManifest: unknown }): Promise<T>;
}
declare module 'react-server-dom-webpack/client.browser' {
  export function createFromReadableStream<T = unknown>(stream: ReadableStream<Uint8Array>, options?: { callServer?: unknown }): Promise<T>;
  export function createFromFetch<T = unknown>(response: Promise<Response>, options?: { callServer?: unknown }): Promise<T>;
}
