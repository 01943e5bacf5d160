import { createTemporaryReferenceSet, decodeAction, decodeFormState, decodeReply, renderToReadableStream } from 'react-server-dom-webpack/server.edge';
import { ACTION_HEADER } from '@nexxo/runtime/protocol';
import { isNotFoundError, readRedirect, type RedirectTarget } from '../../shared/navigation-errors.js';
import { withBasePath, withoutBasePath } from '../../shared/base-path.js';
import { attachCacheScope, settleInvalidations } from '../request-cache.js';
import { createRequestStore, requestStorage, type RequestStore } from '../request-store.js';
import { RequestCookies } from '../request-cookies.js';
import { errorDigest, renderPage, type RenderPageInput } from '../render-page.js';
import { loadServerAction, serverManifest } from './register.js';

export type HandleActionInput = Omit<RenderPageInput, 'phase' | 'notFound' | 'action' | 'formState'>;

export type ActionResult =
  /** A call from the router: the return value, and the re-rendered page when the action changed it. */
  | { kind: 'rsc'; stream: ReadableStream<Uint8Array>; cookies: string[] }
  /** The action called redirect(): the router (or the browser, without JS) goes there next. */
  | { kind: 'redirect'; target: RedirectTarget; cookies: string[] }
  /** A form posted without JavaScript ran its action: render the page, with useActionState's state. */
  | { kind: 'render'; formState: unknown; notFound: boolean; cookies: string[]; failed: boolean }
  /** No action of this build has the id (a page from an older deployment), or the POST is no action. */
  | { kind: 'unknown' };

/**
 * Runs a server action posted to a page: by the router (`nexxo-action` header, arguments encoded by
 * React) or by a plain form submission (progressive enhancement: the action is in hidden fields).
 */
export async function handleAction(input: HandleActionInput): Promise<ActionResult> {
  const { request } = input;
  const store = createRequestStore(request, 'request', { mutableCookies: true });
  store.cookies = new RequestCookies(request.headers.get('cookie'), true);
  store.action = { refresh: false };
  attachCacheScope(store, withoutBasePath(new URL(request.url).pathname), input.routeId);
  const id = request.headers.get(ACTION_HEADER);
  return id === null ? handleFormAction(input, store) : handleActionCall(input, store, id);
}

async function handleActionCall(input: HandleActionInput, store: RequestStore, id: string): Promise<ActionResult> {
  const action = await loadServerAction(id);
  if (!action) return { kind: 'unknown' };
  const temporaryReferences = createTemporaryReferenceSet();
  const body = isMultipart(input.request) ? await input.request.formData() : await input.request.text();
  const args = await decodeReply(body, serverManifest, { temporaryReferences });
  const outcome = await run(store, () => action(...args));
  const cookies = store.cookies!.outgoing;
  if (outcome.redirect) return { kind: 'redirect', target: outcome.redirect, cookies };

  const request = withCookies(input.request, store);
  // The page is re-rendered only when the action changed it: a cookie, revalidatePath/Tag, refresh().
  const refresh = outcome.notFound || cookies.length > 0 || store.action!.refresh;
  const returnValue = outcome.error ? Promise.reject(outcome.error) : outcome.value;
  if (refresh) {
    const rendered = await renderPage({ ...input, request, phase: 'request', notFound: outcome.notFound, action: { returnValue, temporaryReferences } });
    return { kind: 'rsc', stream: rendered.stream, cookies };
  }
  const stream = requestStorage.run(createRequestStore(request, 'request'), () =>
    renderToReadableStream({ returnValue }, {}, { temporaryReferences, onError: (error) => logActionError(error, input.request) }),
  );
  return { kind: 'rsc', stream, cookies };
}

async function handleFormAction(input: HandleActionInput, store: RequestStore): Promise<ActionResult> {
  if (!isMultipart(input.request)) return { kind: 'unknown' };
  const formData = await input.request.formData();
  let action: (() => Promise<unknown>) | null;
  try {
    action = await decodeAction(formData, serverManifest);
  } catch {
    return { kind: 'unknown' };
  }
  if (!action) return { kind: 'unknown' };
  const outcome = await run(store, () => action());
  const cookies = store.cookies!.outgoing;
  if (outcome.redirect) return { kind: 'redirect', target: outcome.redirect, cookies };
  if (outcome.error) logActionError(outcome.error, input.request);
  const formState = outcome.error ? null : await decodeFormState(outcome.value, formData, serverManifest);
  return { kind: 'render', formState, notFound: outcome.notFound, cookies, failed: outcome.error !== undefined };
}

interface Outcome {
  value?: unknown;
  error?: unknown;
  redirect?: RedirectTarget;
  notFound: boolean;
}

/** Runs the action with the request's store; redirect() and notFound() are outcomes, not errors. */
async function run(store: RequestStore, call: () => unknown): Promise<Outcome> {
  // The re-render (or the redirect's target) must see what revalidatePath/Tag invalidated.
  try {
    const value = await requestStorage.run(store, call);
    await settleInvalidations(store);
    return { value, notFound: false };
  } catch (error) {
    await settleInvalidations(store);
    const redirect = readRedirect(error);
    if (redirect) return { redirect: { ...redirect, url: withBasePath(redirect.url) }, notFound: false };
    if (isNotFoundError(error)) return { notFound: true };
    return { error, notFound: false };
  }
}

/** The request the re-render sees: with the cookies the action set, as the browser will send them next. */
function withCookies(request: Request, store: RequestStore): Request {
  if (store.cookies!.outgoing.length === 0) return request;
  const headers = new Headers(request.headers);
  headers.set('cookie', store.cookies!.toString());
  return new Request(request.url, { method: 'GET', headers });
}

function isMultipart(request: Request): boolean {
  return request.headers.get('content-type')?.startsWith('multipart/form-data') ?? false;
}

function logActionError(error: unknown, request: Request): string | undefined {
  if (isNotFoundError(error) || readRedirect(error)) return undefined;
  const digest = errorDigest();
  console.error(`[nexxo] Error in a server action on ${new URL(request.url).pathname} (digest: ${digest})`, error);
  return digest;
}
