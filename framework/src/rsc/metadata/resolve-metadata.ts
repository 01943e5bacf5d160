import type { Params } from '../../shared/app-module.js';
import type { Icon, IconDescriptor, Icons, Metadata, Twitter, Viewport } from '../../shared/metadata-types.js';
import type { MatchedSegment } from '../segment-tree.js';
import { loadSegmentFile, type RouteModule } from '../route-modules.js';
import { segmentFileMetadata, type SegmentFileMetadata } from './file-metadata.js';

/** `icons` in one shape whatever the export used: lists by kind, each icon a descriptor. */
export interface ResolvedIcons {
  icon: IconDescriptor[];
  apple: IconDescriptor[];
  shortcut?: IconDescriptor[];
  other?: IconDescriptor[];
}

export interface ResolvedMetadata extends Omit<Metadata, 'title' | 'metadataBase' | 'icons'> {
  title: { absolute: string; template: string | null } | null;
  metadataBase: URL | null;
  icons?: ResolvedIcons | null;
  /** The route file that set each social image list, for the missing-metadataBase warning. */
  sources: { openGraph?: string; twitter?: string };
}

export type ResolvedViewport = Viewport;

const DEFAULT_VIEWPORT: Viewport = { width: 'device-width', initialScale: 1 };

/**
 * Merges the metadata of a route's segments from the root down, as Next.js does. In each segment:
 * the layout, then (in the last segment) the page or the not-found file, then the segment's
 * metadata files. A key a later export sets replaces the earlier value whole (`other` is merged);
 * `generateMetadata` gets what was resolved before it as `parent`. File-based Open Graph and
 * Twitter images apply unless an export of their own segment sets those images; file-based icons
 * of the deepest segment that has them apply only when no export set `icons`; the root
 * `favicon.ico` always comes first. Last, Open Graph and Twitter fill in a missing title and
 * description from the page's, and Twitter takes Open Graph's images when it has none.
 */
export async function resolveMetadata(
  chain: MatchedSegment[],
  leaf: 'page' | 'not-found',
  searchParams: Promise<Record<string, string | string[]>>,
): Promise<{ metadata: ResolvedMetadata; viewport: ResolvedViewport }> {
  let metadata: ResolvedMetadata = { title: null, metadataBase: null, sources: {} };
  let viewport: Viewport = { ...DEFAULT_VIEWPORT };
  const fileIcons: Pick<SegmentFileMetadata, 'favicon' | 'icon' | 'apple'> = {};
  for (const [depth, matched] of chain.entries()) {
    // A title template applies to deeper segments only, not to the page beside its layout.
    const template = metadata.title?.template ?? null;
    const exported: Metadata[] = [];
    for (const kind of depth === chain.length - 1 ? (['layout', leaf] as const) : (['layout'] as const)) {
      const module = await loadSegmentFile(matched.segment, kind);
      if (!module) continue;
      const props = { params: Promise.resolve(matched.params), ...(kind === 'page' ? { searchParams } : {}) };
      const fileMetadata = await exportOf<Metadata>(module, 'metadata', props, metadata);
      if (fileMetadata) {
        metadata = mergeMetadata(metadata, fileMetadata, { template, path: matched.segment.paths[kind] ?? `app${matched.path}` });
        exported.push(fileMetadata);
      }
      const fileViewport = await exportOf<Viewport>(module, 'viewport', props, viewport);
      if (fileViewport) viewport = { ...viewport, ...fileViewport };
    }
    const files = await segmentFileMetadata(chain, depth);
    if (depth === 0 && files.favicon) fileIcons.favicon = files.favicon;
    if (files.icon) fileIcons.icon = files.icon;
    if (files.apple) fileIcons.apple = files.apple;
    metadata = withFileImages(metadata, files, exported);
  }
  return { metadata: inheritSocial(withFileIcons(metadata, fileIcons)), viewport };
}

/** `metadata` / `generateMetadata(props, parent)`, or `viewport` / `generateViewport(props, parent)`. */
async function exportOf<T>(module: RouteModule, name: 'metadata' | 'viewport', props: { params: Promise<Params> }, parent: unknown): Promise<T | undefined> {
  const generate = module[`generate${name[0]!.toUpperCase()}${name.slice(1)}`];
  if (typeof generate === 'function') return ((await (generate as (props: unknown, parent: unknown) => unknown)(props, Promise.resolve(parent))) ?? undefined) as T | undefined;
  return (module[name] ?? undefined) as T | undefined;
}

export function mergeMetadata(parent: ResolvedMetadata, child: Metadata, context: { template: string | null; path: string }): ResolvedMetadata {
  const { title, metadataBase, icons, twitter, other, ...rest } = child;
  const merged: ResolvedMetadata = { ...parent, ...rest, sources: { ...parent.sources } };
  if (metadataBase !== undefined) merged.metadataBase = metadataBase === null ? null : new URL(typeof metadataBase === 'string' ? metadataBase : metadataBase.href);
  if (title !== undefined) merged.title = resolveTitle(title, context.template);
  if (icons !== undefined) merged.icons = resolveIcons(icons);
  // The card is decided by the export's own images, before Open Graph's may be added to it.
  if (twitter !== undefined) merged.twitter = twitter && { ...twitter, card: twitter.card ?? (toArray(twitter.images).length > 0 ? 'summary_large_image' : 'summary') };
  if (other !== undefined) merged.other = { ...parent.other, ...other };
  if (child.openGraph !== undefined) merged.sources.openGraph = context.path;
  if (twitter !== undefined) merged.sources.twitter = context.path;
  return merged;
}

/** A title through a parent's template; the template it passes on is its own (a plain string passes none). */
export function resolveTitle(title: Metadata['title'], template: string | null): ResolvedMetadata['title'] {
  if (title === null || title === undefined) return null;
  const apply = (text: string) => (template ? template.replace(/%s/g, text) : text);
  if (typeof title === 'string') return { absolute: apply(title), template: null };
  const own = title.template ?? null;
  if ('absolute' in title && title.absolute) return { absolute: title.absolute, template: own };
  return { absolute: 'default' in title ? apply(title.default) : '', template: own };
}

export function resolveIcons(icons: Metadata['icons']): ResolvedIcons | null {
  if (!icons) return null;
  const descriptor = (icon: Icon): IconDescriptor => (typeof icon === 'object' && 'url' in icon ? icon : { url: icon });
  if (typeof icons === 'string' || Array.isArray(icons) || 'href' in icons || 'url' in icons) return { icon: toArray(icons as Icon | Icon[]).map(descriptor), apple: [] };
  const lists = icons as Icons;
  return {
    icon: toArray(lists.icon).map(descriptor),
    apple: toArray(lists.apple).map(descriptor),
    ...(lists.shortcut ? { shortcut: toArray(lists.shortcut).map(descriptor) } : {}),
    ...(lists.other ? { other: toArray(lists.other) } : {}),
  };
}

/** A segment's Open Graph and Twitter image files, unless an export of the same segment set those images. */
function withFileImages(metadata: ResolvedMetadata, files: SegmentFileMetadata, exported: Metadata[]): ResolvedMetadata {
  const setsImages = (key: 'openGraph' | 'twitter') => exported.some((entry) => entry[key] && Object.hasOwn(entry[key], 'images'));
  let result = metadata;
  if (files.openGraph && !setsImages('openGraph')) {
    result = { ...result, openGraph: { ...result.openGraph, images: files.openGraph.images }, sources: { ...result.sources, openGraph: files.openGraph.source } };
  }
  if (files.twitter && !setsImages('twitter')) {
    const card = result.twitter?.card ?? 'summary_large_image';
    result = { ...result, twitter: { ...result.twitter, card, images: files.twitter.images }, sources: { ...result.sources, twitter: files.twitter.source } };
  }
  return result;
}

/** The deepest icon files when no export set `icons`; the root favicon first in any case. */
function withFileIcons(metadata: ResolvedMetadata, files: Pick<SegmentFileMetadata, 'favicon' | 'icon' | 'apple'>): ResolvedMetadata {
  let icons = metadata.icons ?? null;
  if (!icons && (files.icon || files.apple)) icons = { icon: files.icon ?? [], apple: files.apple ?? [] };
  if (files.favicon) icons = { ...(icons ?? { apple: [] }), icon: [files.favicon, ...(icons?.icon ?? [])] };
  return icons ? { ...metadata, icons } : metadata;
}

/** Next.js's last step: social cards fall back to the page's title, description and Open Graph images. */
function inheritSocial(metadata: ResolvedMetadata): ResolvedMetadata {
  const title = metadata.title?.absolute || undefined;
  const description = metadata.description || undefined;
  let { openGraph, twitter } = metadata;
  const sources = { ...metadata.sources };
  if (openGraph) {
    const fill: Twitter = {};
    if (!twitter?.title) fill.title = openGraph.title || title;
    if (!twitter?.description) fill.description = openGraph.description || description;
    if (!twitter?.images) fill.images = openGraph.images;
    if (fill.images && !twitter?.images) sources.twitter = sources.openGraph;
    twitter = twitter ? { ...twitter, ...defined(fill) } : { card: toArray(fill.images).length > 0 ? 'summary_large_image' : 'summary', ...defined(fill) };
    openGraph = { ...openGraph, title: openGraph.title || title, description: openGraph.description || description };
  }
  if (twitter) twitter = { ...twitter, title: twitter.title || title, description: twitter.description || description };
  return { ...metadata, openGraph, twitter, sources };
}

function defined<T extends object>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function toArray<T>(value: T | readonly T[] | null | undefined): T[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? [...value] : [value as T];
}

