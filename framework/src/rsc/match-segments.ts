import type { AppRoute, AppSegment, Params } from '../shared/app-module.js';
import type { MatchedSegment } from './segment-tree.js';

/** The segments of a route from the root down, each with the params known at its depth. */
export function routeSegments(segments: AppSegment[], route: AppRoute, params: Params): MatchedSegment[] {
  const known: Params = {};
  let path = '';
  return route.segments.map((index) => {
    const segment = segments[index]!;
    if (segment.name) path += '/' + segment.name;
    if (segment.param && params[segment.param.name] !== undefined) known[segment.param.name] = params[segment.param.name]!;
    return { segment, path: path || '/', params: { ...known } };
  });
}

/**
 * For a URL no route matches: the deepest chain of segments that matches a prefix of the path and
 * has a `not-found` file (at least the root), so the 404 renders inside the right layouts.
 */
export function notFoundSegments(segments: AppSegment[], pathname: string): MatchedSegment[] {
  const parts = pathname.split('/').filter(Boolean);
  const chain: MatchedSegment[] = [{ segment: segments[0]!, path: '/', params: {} }];
  let current = segments[0]!;
  let index = 0;
  let path = '';
  const params: Params = {};
  walk: while (index < parts.length) {
    const part = parts[index]!;
    const children = current.children.map((child) => segments[child]!);
    const next =
      children.find((child) => !child.param && child.name === safeDecode(part)) ??
      children.find((child) => child.param?.kind === 'dynamic') ??
      children.find((child) => child.name.startsWith('(') && hasDescendant(segments, child, part));
    if (!next) break walk;
    if (!next.name.startsWith('(')) index++;
    if (next.param) params[next.param.name] = safeDecode(part);
    path += '/' + next.name;
    chain.push({ segment: next, path, params: { ...params } });
    current = next;
  }
  return upToNearestNotFound(chain);
}

/** Cuts a chain after its deepest segment with a `not-found` file (the root if none has one). */
export function upToNearestNotFound(chain: MatchedSegment[]): MatchedSegment[] {
  const deepest = chain.findLastIndex((matched) => matched.segment.files['not-found'] !== undefined);
  return chain.slice(0, Math.max(deepest, 0) + 1);
}

function hasDescendant(segments: AppSegment[], group: AppSegment, part: string): boolean {
  return group.children.some((index) => {
    const child = segments[index]!;
    return child.name === part || child.param?.kind === 'dynamic' || (child.name.startsWith('(') && hasDescendant(segments, child, part));
  });
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
