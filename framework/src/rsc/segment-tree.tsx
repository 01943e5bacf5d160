import { Suspense, type ReactNode } from 'react';
import type { AppSegment, Params, SegmentFileKind } from '../shared/app-module.js';
import { ChildKey, ErrorBoundary, LayoutDepth, NotFoundBoundary, Outlet } from '../client/segment-boundaries.js';
import { RedirectBoundary } from '../client/redirect-boundary.js';
import { defaultComponent, loadSegmentFile, type RouteModule } from './route-modules.js';
import { DefaultNotFound } from './default-not-found.js';

export { NOT_FOUND_KEY, PAGE_KEY } from '../shared/rsc-payload.js';

/** A matched segment with the params known at its depth. */
export interface MatchedSegment {
  segment: AppSegment;
  /** `/blog/[slug]`-style path of the segment, for messages. */
  path: string;
  /** Params of this segment and its parents. */
  params: Params;
}

/** The key that tells whether a client's node for this segment can be kept. */
export function segmentKey(matched: MatchedSegment): string {
  const { segment, params } = matched;
  if (!segment.param) return segment.name;
  const value = params[segment.param.name];
  return `${segment.name}|${Array.isArray(value) ? value.join('/') : (value ?? '')}`;
}

function component(matched: MatchedSegment, module: RouteModule, kind: SegmentFileKind) {
  return defaultComponent(module, kind, matched.segment.paths[kind] ?? `app${matched.path}`);
}

/**
 * One segment's node: its layout around its template, error, loading, not-found and redirect
 * boundaries, around an Outlet where the next node goes. The boundaries sit inside a ChildKey so
 * they start fresh when the child segment changes (a new loading state shows at once on
 * navigation; an error is cleared). The root always has a not-found boundary, so `notFound()`
 * reached by client navigation shows a 404 page even when the app has no `not-found` file.
 */
export async function segmentNode(matched: MatchedSegment, depth: number): Promise<ReactNode> {
  const { segment, params } = matched;
  const [layout, template, loading, error, notFound] = await Promise.all(
    (['layout', 'template', 'loading', 'error', 'not-found'] as const).map((kind) => loadSegmentFile(segment, kind)),
  );
  let node: ReactNode = (
    <RedirectBoundary>
      <Outlet depth={depth + 1} />
    </RedirectBoundary>
  );
  if (notFound || depth === 0) {
    const NotFound = notFound ? component(matched, notFound, 'not-found') : DefaultNotFound;
    node = <NotFoundBoundary fallback={<NotFound />}>{node}</NotFoundBoundary>;
  }
  if (loading) {
    const Loading = component(matched, loading, 'loading');
    node = <Suspense fallback={<Loading />}>{node}</Suspense>;
  }
  if (error) node = <ErrorBoundary errorComponent={component(matched, error, 'error')}>{node}</ErrorBoundary>;
  if (template) {
    const Template = component(matched, template, 'template');
    node = <Template>{node}</Template>;
  }
  node = <ChildKey depth={depth + 1}>{node}</ChildKey>;
  if (layout) {
    const Layout = component(matched, layout, 'layout');
    // useSelectedLayoutSegment() in the layout's client components reads the segments below this depth.
    node = (
      <LayoutDepth depth={depth}>
        <Layout params={Promise.resolve(params)}>{node}</Layout>
      </LayoutDepth>
    );
  }
  return node;
}

const CLIENT_REFERENCE = Symbol.for('react.client.reference');

export async function pageNode(matched: MatchedSegment, searchParams: Promise<Record<string, string | string[]>>, prerender: boolean): Promise<ReactNode> {
  const Page = component(matched, (await loadSegmentFile(matched.segment, 'page'))!, 'page');
  // A client page's props are serialised, which reads the searchParams promise; that must not make
  // every client page dynamic. Prerendered, it gets none (client pages use useSearchParams()).
  const isClientPage = (Page as { $$typeof?: symbol }).$$typeof === CLIENT_REFERENCE;
  const pageSearchParams = isClientPage && prerender ? Promise.resolve({}) : searchParams;
  return <Page params={Promise.resolve(matched.params)} searchParams={pageSearchParams} />;
}

/** What a not-found render shows in place of the page: the segment's `not-found`, or the default. */
export async function notFoundNode(matched: MatchedSegment, insideLayout: boolean): Promise<ReactNode> {
  const module = await loadSegmentFile(matched.segment, 'not-found');
  const content = module ? (() => {
    const NotFound = component(matched, module, 'not-found');
    return <NotFound />;
  })() : <DefaultNotFound />;
  // With several root layouts (route groups) an unknown URL may match none: the 404 needs its own document.
  if (insideLayout) return content;
  return (
    <html lang="en">
      <body>{content}</body>
    </html>
  );
}
