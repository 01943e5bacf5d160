import { Suspense, type ReactNode } from 'react';
import type { AppSegment, Params } from '../shared/app-module.js';
import { ChildKey, ErrorBoundary, NotFoundBoundary, Outlet } from '../client/segment-boundaries.js';
import { defaultComponent, loadSegmentFile } from './route-modules.js';
import { DefaultNotFound } from './default-not-found.js';

export const PAGE_KEY = '__PAGE__';
export const NOT_FOUND_KEY = '__NOT_FOUND__';

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

/**
 * One segment's node: its layout around its template, error, loading and not-found boundaries,
 * around an Outlet where the next node goes. The boundaries sit inside a ChildKey so they start
 * fresh when the child segment changes (a new loading state shows at once on navigation; an error
 * is cleared).
 */
export async function segmentNode(matched: MatchedSegment, depth: number): Promise<ReactNode> {
  const { segment, path, params } = matched;
  const [layout, template, loading, error, notFound] = await Promise.all(
    (['layout', 'template', 'loading', 'error', 'not-found'] as const).map((kind) => loadSegmentFile(segment, kind)),
  );
  let node: ReactNode = <Outlet depth={depth + 1} />;
  if (notFound) {
    const NotFound = defaultComponent(notFound, 'not-found', path);
    node = <NotFoundBoundary fallback={<NotFound />}>{node}</NotFoundBoundary>;
  }
  if (loading) {
    const Loading = defaultComponent(loading, 'loading', path);
    node = <Suspense fallback={<Loading />}>{node}</Suspense>;
  }
  if (error) node = <ErrorBoundary errorComponent={defaultComponent(error, 'error', path)}>{node}</ErrorBoundary>;
  if (template) {
    const Template = defaultComponent(template, 'template', path);
    node = <Template>{node}</Template>;
  }
  node = <ChildKey depth={depth + 1}>{node}</ChildKey>;
  if (layout) {
    const Layout = defaultComponent(layout, 'layout', path);
    node = <Layout params={Promise.resolve(params)}>{node}</Layout>;
  }
  return node;
}

export async function pageNode(matched: MatchedSegment, searchParams: Promise<Record<string, string | string[]>>): Promise<ReactNode> {
  const Page = defaultComponent(await loadSegmentFile(matched.segment, 'page')!, 'page', matched.path);
  return <Page params={Promise.resolve(matched.params)} searchParams={searchParams} />;
}

/** What a not-found render shows in place of the page: the segment's `not-found`, or the default. */
export async function notFoundNode(matched: MatchedSegment): Promise<ReactNode> {
  const module = await loadSegmentFile(matched.segment, 'not-found');
  if (!module) return <DefaultNotFound />;
  const NotFound = defaultComponent(module, 'not-found', matched.path);
  return <NotFound />;
}
