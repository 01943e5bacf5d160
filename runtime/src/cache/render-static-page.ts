import type { RscEntry, SsrEntry } from '../entries.js';
import type { Params } from '../manifest.js';

export interface StaticPageInput {
  rsc: RscEntry;
  ssr: SsrEntry;
  /** A GET for the page's URL (with the base path); request data reads as absent. */
  request: Request;
  routeId: string;
  params: Params;
  styles: Record<string, string[]>;
  bootstrapModule: string;
  preloadModules: string[];
}

export type StaticPage =
  | { kind: 'page'; html: Uint8Array; rsc: Uint8Array; status: number; revalidate: number | false }
  /** The page read request data (or redirected): it cannot be served from a file or the cache. */
  | { kind: 'dynamic'; reason: string }
  | { kind: 'error'; digest: string };

/**
 * Renders a page once, without request data, to the HTML and RSC payload that are then served to
 * everyone: at build time (prerendering) and when an incrementally regenerated page is refreshed.
 */
export async function renderStaticPage(input: StaticPageInput): Promise<StaticPage> {
  const { request, routeId, params, styles } = input;
  let rendered = await input.rsc.renderPage({ request, routeId, params, clientKeys: null, phase: 'prerender', styles });
  let payload = await readAll(rendered.stream);
  if (rendered.signals.dynamicUsage) return { kind: 'dynamic', reason: rendered.signals.dynamicUsage };
  if (rendered.signals.redirect) return { kind: 'dynamic', reason: 'redirect()' };
  if (rendered.signals.error) return { kind: 'error', digest: rendered.signals.error.digest };
  const options = { bootstrapModule: input.bootstrapModule, preloadModules: input.preloadModules };
  let status = 200;
  let html = await input.ssr.renderHtml(streamOf(payload), options);
  if (html.kind === 'not-found' || rendered.signals.notFound) {
    status = 404;
    if (html.kind === 'html' || html.kind === 'error') await html.stream.cancel();
    rendered = await input.rsc.renderPage({ request, routeId, params, clientKeys: null, phase: 'prerender', notFound: true, styles });
    payload = await readAll(rendered.stream);
    html = await input.ssr.renderHtml(streamOf(payload), options);
  }
  if (html.kind !== 'html') return { kind: 'dynamic', reason: html.kind === 'redirect' ? 'redirect()' : 'an error' };
  return { kind: 'page', html: await readAll(html.stream), rsc: payload, status, revalidate: rendered.signals.revalidate ?? false };
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new Response(bytes as BodyInit).body!;
}
