/**
 * The ssr environment's entry: turns an RSC stream into streamed HTML with the payload inlined.
 * Client components are loaded through the same client-reference table as in the browser.
 */
import '../rsc/react-request-storage.js';
import '../client/client-references.js';
import { createFromReadableStream } from 'react-server-dom-webpack/client.edge';
import { renderToReadableStream } from 'react-dom/server.edge';
import { preloadModule } from 'react-dom';
import { use, type ReactNode } from 'react';
import type { ReactFormState } from 'react-dom/client';
import { AppRouter } from '../client/app-router.js';
import { isControlFlowError, isNotFoundError, readRedirect, type RedirectTarget } from '../shared/navigation-errors.js';
import type { RscPayload } from '../shared/rsc-payload.js';
import { injectPayload } from './inject-payload.js';
import { withBasePath } from '../shared/base-path.js';

/**
 * Development: names the dev bundles read while they load, defined before any module runs. The
 * dev entry's refresh setup defines the real ones, but chunks it shares with Nexxo's client entry
 * (and the pre-bundled React Server DOM client in them) may run first.
 */
const DEV_GLOBALS =
  'self.$RefreshReg$??=function(){};self.$RefreshSig$??=function(){return function(t){return t}};' +
  "self.__webpack_require__??=Object.assign(function(){throw new Error('Client components loaded before the Nexxo runtime.')},{u:function(c){return c}})";

export interface RenderHtmlOptions {
  /** URL of the browser entry. */
  bootstrapModule: string;
  /** Module URLs the page needs at once (entry imports, the route's client components). */
  preloadModules: string[];
  /** Aborts rendering when the client goes away. */
  signal?: AbortSignal;
  /** useActionState's state after a form action posted without JavaScript. */
  formState?: unknown;
}

export type RenderHtmlResult =
  | { kind: 'html'; stream: ReadableStream<Uint8Array> }
  /** The shell failed with an error: a minimal document that renders the page (and its error boundary) in the browser. */
  | { kind: 'error'; stream: ReadableStream<Uint8Array> }
  | { kind: 'redirect'; target: RedirectTarget }
  | { kind: 'not-found' };

/** Every client reference id resolves to itself; the webpack runtime above loads it. */
const serverConsumerManifest = {
  moduleMap: new Proxy({} as Record<string, unknown>, {
    get(_, id) {
      return typeof id === 'string' ? { '*': { id, chunks: [], name: '*' } } : undefined;
    },
  }),
  serverModuleMap: null,
  moduleLoading: null,
};

export async function renderHtml(rscStream: ReadableStream<Uint8Array>, options: RenderHtmlOptions): Promise<RenderHtmlResult> {
  const [forRender, forInline] = rscStream.tee();
  // Read from inside the render, so that the resource hints in the stream (preloads of fonts,
  // stylesheets) are dispatched to this render and written into <head>.
  let payload: Promise<RscPayload> | undefined;

  function Root(): ReactNode {
    payload ??= createFromReadableStream(forRender, { serverConsumerManifest }) as Promise<RscPayload>;
    for (const url of options.preloadModules) preloadModule(url, { as: 'script' });
    return <AppRouter initial={use(payload)} />;
  }

  const renderOptions = {
    bootstrapModules: [options.bootstrapModule],
    ...(process.env.NODE_ENV === 'production' ? {} : { bootstrapScriptContent: DEV_GLOBALS }),
    signal: options.signal,
    formState: (options.formState ?? null) as ReactFormState | null,
    onError(error: unknown) {
      const digest = (error as { digest?: unknown } | null)?.digest;
      // Errors from server components were logged where they happened and carry their digest.
      if (typeof digest === 'string' || isControlFlowError(error)) return typeof digest === 'string' ? digest : undefined;
      console.error('[nexxo] Error while rendering HTML:', error);
      return undefined;
    },
  };

  try {
    const html = await renderToReadableStream(<Root />, renderOptions);
    return { kind: 'html', stream: html.pipeThrough(injectPayload(forInline)) };
  } catch (error) {
    const redirect = readRedirect(error);
    if (redirect || isNotFoundError(error)) {
      void forInline.cancel();
      return redirect ? { kind: 'redirect', target: { ...redirect, url: withBasePath(redirect.url) } } : { kind: 'not-found' };
    }
    const shell = await renderToReadableStream(
      <html data-nexxo-error="">
        <head>
          <meta charSet="utf-8" />
        </head>
        <body />
      </html>,
      { bootstrapModules: [options.bootstrapModule], signal: options.signal, ...(process.env.NODE_ENV === 'production' ? {} : { bootstrapScriptContent: DEV_GLOBALS }) },
    );
    return { kind: 'error', stream: shell.pipeThrough(injectPayload(forInline)) };
  }
}
