import { renderToReadableStream } from 'react-server-dom-webpack/server.edge';
import { Fragment, type ReactNode } from 'react';
import { segments, routes, buildId, manifestName } from 'virtual:nexxo/app';
import { resolveMetadata } from './metadata/resolve-metadata.js';
import { renderMetadata } from './metadata/render-metadata.js';
import type { AppRoute, Params, SegmentFileKind } from '../shared/app-module.js';
import type { ActionResponse, RscPayload } from '../shared/rsc-payload.js';
import { isControlFlowError, isDynamicUsageError, isNotFoundError, readRedirect, type RedirectTarget } from '../shared/navigation-errors.js';
import { createRequestStore, requestStorage, useDynamic, type RequestStore } from './request-store.js';
import { attachCacheScope } from './request-cache.js';
import { FETCH_CACHE_SETTINGS, type FetchCacheSetting } from '../cache/fetch-types.js';
import { NOT_FOUND_KEY, PAGE_KEY, notFoundNode, pageNode, segmentKey, segmentNode, type MatchedSegment } from './segment-tree.js';
import { notFoundSegments, routeSegments, upToNearestNotFound } from './match-segments.js';
import { loadSegmentFile } from './route-modules.js';
import { RSC_PARAM } from '../shared/rsc-payload.js';
import { withBasePath, withoutBasePath } from '../shared/base-path.js';

export interface RenderPageInput {
  request: Request;
  /** The matched page route, or null to render the not-found page for the request's path. */
  routeId: string | null;
  params: Params;
  /** Segment keys the client already shows (a navigation), or null for a full render. */
  clientKeys: string[] | null;
  phase: 'request' | 'prerender';
  /** Render the route's not-found page instead of its page (after `notFound()` stopped the shell). */
  notFound?: boolean;
  /** Stylesheet URLs per route file (path relative to the app root), in order. */
  styles?: Record<string, string[]>;
  /** A server action ran: the stream's root is `{ returnValue, payload }` (see ActionResponse). */
  action?: { returnValue: unknown; temporaryReferences: unknown };
  /** useActionState's state after a form action posted without JavaScript. */
  formState?: unknown;
}

/** What happened while rendering, for the status code and the build's route classification. */
export interface RenderSignals {
  notFound: boolean;
  redirect: RedirectTarget | null;
  error: { digest: string } | null;
  dynamicUsage: string | null;
  /** Seconds until a prerendered page is stale: the route's `revalidate`, lowered by cached reads; false: never by time. */
  revalidate: number | false;
}

export interface RenderPageResult {
  stream: ReadableStream<Uint8Array>;
  signals: RenderSignals;
}

/** Routes by id, made again when the route table is another one (`nexxo dev` fills it for each build). */
let routesById = { routes: [] as AppRoute[], byId: new Map<string, AppRoute>() };

export function findRoute(routeId: string): AppRoute {
  if (routesById.routes !== routes) routesById = { routes, byId: new Map(routes.map((route) => [route.id, route])) };
  const route = routesById.byId.get(routeId);
  if (!route) throw new Error(`Unknown route "${routeId}": the build and the server disagree. Rebuild with \`nexxo build\`.`);
  return route;
}

/** React looks up client references by id; every id is a lazily loaded module. */
const clientManifest = new Proxy({} as Record<string, unknown>, {
  get(_, key) {
    if (typeof key !== 'string' || key.includes('#')) return undefined;
    return { id: key, chunks: [], name: '*', async: true };
  },
});

export async function renderPage(input: RenderPageInput): Promise<RenderPageResult> {
  const route = input.routeId === null ? null : findRoute(input.routeId);
  const url = new URL(input.request.url);
  url.searchParams.delete(RSC_PARAM);
  const pageRoute = route && !input.notFound ? route : null;
  const chain = !route
    ? notFoundSegments(segments, withoutBasePath(url.pathname))
    : pageRoute
      ? routeSegments(segments, route, input.params)
      : upToNearestNotFound(routeSegments(segments, route, input.params));
  const config: Pick<RouteConfig, 'dynamic' | 'revalidate' | 'fetchCache'> = pageRoute ? await routeConfig(pageRoute.id) : { dynamic: 'auto' };
  const store = createRequestStore(input.request, input.phase, { forceStatic: config.dynamic === 'force-static' });
  const signals: RenderSignals = { notFound: false, redirect: null, error: null, dynamicUsage: null, revalidate: typeof config.revalidate === 'number' ? config.revalidate : false };
  attachCacheScope(store, withoutBasePath(url.pathname), route?.id ?? null, {
    ...(config.fetchCache ? { fetchCache: config.fetchCache } : {}),
    onRevalidate(seconds) {
      if (signals.revalidate === false || seconds < signals.revalidate) signals.revalidate = seconds;
    },
  });

  return requestStorage.run(store, async () => {
    const keys = [...chain.map(segmentKey), pageRoute ? PAGE_KEY : NOT_FOUND_KEY];
    const from = firstChangedNode(keys, input.clientKeys);
    const searchParams = searchParamsFor(store, url);
    const nodes: ReactNode[] = await Promise.all(
      keys.slice(from).map(async (key, offset) => {
        const depth = from + offset;
        const leaf = chain[chain.length - 1]!;
        const node =
          depth < chain.length
            ? await segmentNode(chain[depth]!, depth)
            : pageRoute
              ? await pageNode(leaf, searchParams, input.phase === 'prerender')
              : await notFoundNode(leaf, chain.some((matched) => matched.segment.files.layout !== undefined));
        const files = depth < chain.length ? SEGMENT_STYLE_KINDS : pageRoute ? (['page'] as const) : (['not-found'] as const);
        const links = stylesheetLinks(chain[Math.min(depth, chain.length - 1)]!, files, input.styles ?? {});
        // Keyed by segment: the nodes travel in an array, and a node for another segment is another subtree.
        return (
          <Fragment key={key}>
            {links}
            {node}
          </Fragment>
        );
      }),
    );
    const globalErrorModule = await loadSegmentFile(segments[0]!, 'global-error');
    const head = <PageMetadata chain={chain} leaf={pageRoute ? 'page' : 'not-found'} searchParams={searchParams} url={url} />;
    const payload: RscPayload = {
      buildId,
      url: url.pathname + url.search,
      keys,
      from,
      rootLayout: Math.max(0, chain.findIndex((matched) => matched.segment.files.layout !== undefined)),
      nodes,
      head,
      params: chain[chain.length - 1]!.params,
      globalError: globalErrorModule?.default,
      ...(input.formState ? { formState: input.formState } : {}),
    };
    if (!pageRoute) signals.notFound = true;
    const model: RscPayload | ActionResponse = input.action ? { returnValue: input.action.returnValue, payload } : payload;
    const stream = renderToReadableStream(model, clientManifest, {
      onError(error: unknown) {
        return recordError(error, signals, store, url);
      },
      temporaryReferences: input.action?.temporaryReferences,
    }) as ReadableStream<Uint8Array>;
    return { stream, signals };
  });
}

// global-error replaces the root layout when it shows, so its stylesheets must already be there.
/** The route's metadata as `<head>` tags; async, so the shell waits for generateMetadata. */
async function PageMetadata({ chain, leaf, searchParams, url }: { chain: MatchedSegment[]; leaf: 'page' | 'not-found'; searchParams: Promise<Record<string, string | string[]>>; url: URL }) {
  const { metadata, viewport } = await resolveMetadata(chain, leaf, searchParams);
  if (!metadata.manifest && manifestName) metadata.manifest = withBasePath('/' + manifestName);
  return <>{renderMetadata(metadata, viewport, url)}</>;
}

const SEGMENT_STYLE_KINDS = ['layout', 'template', 'loading', 'error', 'not-found', 'global-error'] as const;

/**
 * The stylesheets of a node's route files. React hoists them into <head>, in the order first
 * rendered, and on client navigation waits for them before showing the new content (no flash).
 */
function stylesheetLinks(matched: MatchedSegment, kinds: readonly SegmentFileKind[], styles: Record<string, string[]>): ReactNode[] {
  const hrefs = new Set<string>();
  for (const kind of kinds) {
    const path = matched.segment.paths[kind];
    for (const href of (path && styles[path]) || []) hrefs.add(href);
  }
  return [...hrefs].map((href) => <link key={href} rel="stylesheet" href={href} precedence="nexxo" />);
}

/** Keeps the nodes the client already has up to the first segment that differs; the page always re-renders. */
function firstChangedNode(keys: string[], clientKeys: string[] | null): number {
  if (!clientKeys) return 0;
  let index = 0;
  while (index < keys.length - 1 && keys[index] === clientKeys[index]) index++;
  return index;
}

function searchParamsFor(store: RequestStore, url: URL): Promise<Record<string, string | string[]>> {
  let promise: Promise<Record<string, string | string[]>> | undefined;
  const read = () => {
    if (!promise) {
      try {
        useDynamic(store, '`searchParams`');
        promise = Promise.resolve(searchParamsObject(store.forceStatic ? new URLSearchParams() : url.searchParams));
      } catch (error) {
        promise = Promise.reject(error);
      }
    }
    return promise;
  };
  // A thenable that reads the search params only when awaited, so a page that ignores them stays static.
  return {
    then: (onFulfilled, onRejected) => read().then(onFulfilled, onRejected),
    catch: (onRejected) => read().catch(onRejected),
    finally: (onFinally) => read().finally(onFinally),
    [Symbol.toStringTag]: 'Promise',
  } as Promise<Record<string, string | string[]>>;
}

function searchParamsObject(params: URLSearchParams): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [key, value] of params) {
    const existing = result[key];
    result[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return result;
}

function recordError(error: unknown, signals: RenderSignals, store: RequestStore, url: URL): string {
  if (isNotFoundError(error)) {
    signals.notFound = true;
    return (error as { digest: string }).digest;
  }
  const redirect = readRedirect(error);
  if (redirect) {
    signals.redirect ??= redirect;
    return (error as { digest: string }).digest;
  }
  if (isDynamicUsageError(error)) {
    signals.dynamicUsage ??= store.dynamicUsage ?? 'request data';
    return (error as { digest: string }).digest;
  }
  if (isControlFlowError(error)) return (error as { digest: string }).digest;
  const digest = errorDigest();
  signals.error ??= { digest };
  // Logged once, here; the digest is what the browser sees, so it links a report to this line.
  // React's "cannot be passed to Client Components" errors name the prop; their stack is React's own.
  const propsError = error instanceof Error && /be passed (directly )?to Client Component/.test(error.message);
  console.error(`[nexxo] Error rendering ${url.pathname} (digest: ${digest})`, propsError ? `\n${error.message}` : error);
  // `nexxo dev` shows render errors in the browser's overlay too.
  (globalThis as { __nexxo_dev_render_error?: (error: unknown) => void }).__nexxo_dev_render_error?.(error);
  return digest;
}

/** A short random id that links an error the browser shows to the server's log line. */
export function errorDigest(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(5)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export interface RouteConfig {
  dynamic: 'auto' | 'force-dynamic' | 'force-static' | 'error';
  dynamicParams: boolean;
  revalidate?: number | false;
  /** `export const runtime`: where a platform adapter runs the route (`experimental-edge` means edge). */
  runtime?: 'edge' | 'nodejs';
  /** `export const fetchCache`: how the route's fetches cache by default. */
  fetchCache?: FetchCacheSetting;
}

const validDynamic = new Set(['auto', 'force-dynamic', 'force-static', 'error']);

/** An error in a route file's exports: user-facing (the CLI prints it without a stack). */
function routeFileError(file: string | undefined, reason: string, fix: string): Error {
  return Object.assign(new Error(`${file ?? 'a route file'}: ${reason}\n  Fix: ${fix}`), { code: 'NEXXO_ROUTE_CONFIG' });
}

/** Segment config (`export const dynamic` …): the page's value wins, then the nearest layout's. */
export async function routeConfig(routeId: string): Promise<RouteConfig> {
  const route = findRoute(routeId);
  const files = route.segments.flatMap((index) => {
    const segment = segments[index]!;
    return (['layout', route.type] as const).map((kind) => ({ module: loadSegmentFile(segment, kind), path: segment.paths[kind] }));
  });
  const config: RouteConfig = { dynamic: 'auto', dynamicParams: true };
  for (const file of files) {
    const module = await file.module;
    if (!module) continue;
    if (module.dynamic !== undefined) {
      if (!validDynamic.has(module.dynamic as string))
        throw routeFileError(file.path, `\`export const dynamic = ${JSON.stringify(module.dynamic)}\` is not a valid value.`, "use 'auto', 'force-dynamic', 'force-static' or 'error'.");
      config.dynamic = module.dynamic as RouteConfig['dynamic'];
    }
    if (module.dynamicParams !== undefined) {
      if (typeof module.dynamicParams !== 'boolean') throw routeFileError(file.path, '`export const dynamicParams` must be true or false.', 'export a boolean.');
      config.dynamicParams = module.dynamicParams;
    }
    if (module.revalidate !== undefined) config.revalidate = module.revalidate as number | false;
    if (module.fetchCache !== undefined) {
      if (!FETCH_CACHE_SETTINGS.includes(module.fetchCache as FetchCacheSetting))
        throw routeFileError(file.path, `\`export const fetchCache = ${JSON.stringify(module.fetchCache)}\` is not a valid value.`, `use one of ${FETCH_CACHE_SETTINGS.map((value) => `'${value}'`).join(', ')}.`);
      config.fetchCache = module.fetchCache as FetchCacheSetting;
    }
    if (module.runtime !== undefined) {
      if (module.runtime !== 'edge' && module.runtime !== 'nodejs' && module.runtime !== 'experimental-edge')
        throw routeFileError(file.path, `\`export const runtime = ${JSON.stringify(module.runtime)}\` is not a valid value.`, "use 'nodejs' or 'edge'.");
      config.runtime = module.runtime === 'nodejs' ? 'nodejs' : 'edge';
    }
  }
  return config;
}

/**
 * Every params object `generateStaticParams` produces for a route. Each segment's function gets
 * the params its parents produced, as in Next.js.
 */
export async function staticParams(routeId: string): Promise<Params[] | null> {
  const route = findRoute(routeId);
  let sets: Params[] = [{}];
  let found = false;
  for (const [position, index] of route.segments.entries()) {
    const segment = segments[index]!;
    const kinds = position === route.segments.length - 1 ? (['layout', route.type] as const) : (['layout'] as const);
    for (const kind of kinds) {
      const module = await loadSegmentFile(segment, kind);
      const generate = module?.generateStaticParams;
      if (generate === undefined) continue;
      if (typeof generate !== 'function') throw routeFileError(segment.paths[kind], '`generateStaticParams` is exported but is not a function.', 'export an (async) function that returns an array of params objects.');
      found = true;
      const next: Params[] = [];
      for (const params of sets) {
        const produced = await generate({ params });
        if (!Array.isArray(produced))
          throw routeFileError(segment.paths[kind], `generateStaticParams returned ${produced === null ? 'null' : typeof produced}.`, "return an array of params objects, e.g. [{ slug: 'hello' }].");
        for (const entry of produced) next.push({ ...params, ...(entry as Params) });
      }
      sets = next;
    }
  }
  return found ? sets : null;
}

export type { MatchedSegment };
