import type { Params, SegmentMetadataFile } from '../../shared/app-module.js';
import type { Icon, IconDescriptor, Metadata, OGImage, Viewport } from '../../shared/metadata-types.js';
import { withBasePath } from '../../shared/base-path.js';
import type { MatchedSegment } from '../segment-tree.js';
import { loadSegmentFile, type RouteModule } from '../route-modules.js';

export interface ResolvedMetadata extends Omit<Metadata, 'title' | 'metadataBase'> {
  title: { absolute: string; template: string | null } | null;
  metadataBase: URL | null;
  /** The route file that set each social image list, for the missing-metadataBase warning. */
  sources: { openGraph?: string; twitter?: string };
}

export type ResolvedViewport = Viewport;

const DEFAULT_VIEWPORT: Viewport = { width: 'device-width', initialScale: 1 };

/**
 * Merges the metadata of a route's files from the root down, as Next.js does: each layout, then
 * the page (or the not-found file). A key a deeper file sets replaces the parent's value; a title
 * goes through the nearest parent's `title.template`; `generateMetadata` gets its parent's result.
 * File-based icons and social images of the deepest segment that has them win over exported ones.
 */
export async function resolveMetadata(
  chain: MatchedSegment[],
  leaf: 'page' | 'not-found',
  searchParams: Promise<Record<string, string | string[]>>,
): Promise<{ metadata: ResolvedMetadata; viewport: ResolvedViewport }> {
  let metadata: ResolvedMetadata = { title: null, metadataBase: null, sources: {} };
  let viewport: Viewport = { ...DEFAULT_VIEWPORT };
  const files: Array<{ module: RouteModule; path: string; params: Params; isPage: boolean }> = [];
  for (const [depth, matched] of chain.entries()) {
    const last = depth === chain.length - 1;
    for (const kind of last ? (['layout', leaf] as const) : (['layout'] as const)) {
      const module = await loadSegmentFile(matched.segment, kind);
      if (module) files.push({ module, path: matched.segment.paths[kind] ?? `app${matched.path}`, params: matched.params, isPage: kind === 'page' });
    }
  }
  for (const file of files) {
    const props = { params: Promise.resolve(file.params), ...(file.isPage ? { searchParams } : {}) };
    const parent = Promise.resolve(metadata);
    const exported = typeof file.module.generateMetadata === 'function'
      ? ((await (file.module.generateMetadata as (props: unknown, parent: unknown) => unknown)(props, parent)) as Metadata | undefined)
      : (file.module.metadata as Metadata | undefined);
    if (exported) metadata = mergeMetadata(metadata, exported, file.path);
    const exportedViewport = typeof file.module.generateViewport === 'function'
      ? ((await (file.module.generateViewport as (props: unknown) => unknown)(props)) as Viewport | undefined)
      : (file.module.viewport as Viewport | undefined);
    if (exportedViewport) viewport = { ...viewport, ...exportedViewport };
  }
  return { metadata: await withFileMetadata(metadata, chain), viewport };
}

function mergeMetadata(parent: ResolvedMetadata, child: Metadata, path: string): ResolvedMetadata {
  const { title, metadataBase, ...rest } = child;
  const merged: ResolvedMetadata = { ...parent, ...rest, sources: { ...parent.sources } };
  if (metadataBase !== undefined) merged.metadataBase = metadataBase === null ? null : new URL(metadataBase);
  if (title !== undefined) merged.title = resolveTitle(title, parent.title?.template ?? null);
  if (child.openGraph?.images !== undefined) merged.sources.openGraph = path;
  if (child.twitter?.images !== undefined) merged.sources.twitter = path;
  return merged;
}

/** A parent's template applies to the titles of deeper files, never to its own. */
function resolveTitle(title: Metadata['title'], parentTemplate: string | null): ResolvedMetadata['title'] {
  if (title === null || title === undefined) return null;
  const apply = (text: string) => (parentTemplate ? parentTemplate.replace('%s', text) : text);
  if (typeof title === 'string') return { absolute: apply(title), template: parentTemplate };
  if ('absolute' in title) return { absolute: title.absolute, template: title.template ?? parentTemplate };
  return { absolute: apply(title.default), template: title.template ?? parentTemplate };
}

/** Icons, Open Graph and Twitter images from files (`icon.png`, `opengraph-image.tsx`…). */
async function withFileMetadata(metadata: ResolvedMetadata, chain: MatchedSegment[]): Promise<ResolvedMetadata> {
  const result = { ...metadata };
  const deepest = (kind: SegmentMetadataFile['kind']) => {
    for (let depth = chain.length - 1; depth >= 0; depth--) {
      const files = (chain[depth]!.segment.metadata ?? []).filter((file) => file.kind === kind);
      if (files.length > 0) return { files, depth };
    }
    return null;
  };
  const urlOf = (depth: number, file: SegmentMetadataFile) => withBasePath(`${segmentPath(chain, depth)}/${file.name}`) + (file.image ? `?${file.image.hash}` : '');

  const icons: IconDescriptor[] = [];
  const apple: IconDescriptor[] = [];
  const favicon = deepest('favicon');
  if (favicon) icons.push({ url: urlOf(favicon.depth, favicon.files[0]!), sizes: 'any', type: 'image/x-icon' });
  for (const [kind, list] of [['icon', icons], ['apple-icon', apple]] as const) {
    const found = deepest(kind);
    if (!found) continue;
    for (const file of found.files) {
      const info = await imageInfo(file);
      list.push({ url: urlOf(found.depth, file), ...(info.type ? { type: info.type } : {}), ...(info.width ? { sizes: `${info.width}x${info.height}` } : {}) });
    }
  }
  if (icons.length > 0 || apple.length > 0) result.icons = { ...(icons.length ? { icon: icons } : {}), ...(apple.length ? { apple } : {}) };

  for (const kind of ['opengraph-image', 'twitter-image'] as const) {
    const found = deepest(kind);
    if (!found) continue;
    const images: OGImage[] = [];
    for (const file of found.files) {
      const info = await imageInfo(file);
      images.push({ url: urlOf(found.depth, file), ...info });
    }
    const folder = chain[found.depth]!.path.replace(/\/$/, '');
    const source = `app${folder}/${found.files[0]!.name}`;
    if (kind === 'opengraph-image') {
      result.openGraph = { ...result.openGraph, images };
      result.sources = { ...result.sources, openGraph: source };
    } else {
      result.twitter = { card: 'summary_large_image', ...result.twitter, images };
      result.sources = { ...result.sources, twitter: source };
    }
  }
  return result;
}

async function imageInfo(file: SegmentMetadataFile): Promise<{ type?: string; width?: number; height?: number; alt?: string }> {
  if (file.image) return file.image;
  const module = (await file.load?.()) ?? {};
  const size = module.size as { width?: number; height?: number } | undefined;
  return {
    type: typeof module.contentType === 'string' ? module.contentType : 'image/png',
    ...(size?.width ? { width: size.width, height: size.height } : {}),
    ...(typeof module.alt === 'string' ? { alt: module.alt } : {}),
  };
}

/** The URL path of a matched segment, params filled in, route groups left out. */
function segmentPath(chain: MatchedSegment[], depth: number): string {
  const parts: string[] = [];
  for (const matched of chain.slice(1, depth + 1)) {
    const { name, param } = matched.segment;
    if (name.startsWith('(') && name.endsWith(')')) continue;
    if (!param) parts.push(encodeURIComponent(name));
    else {
      const value = matched.params[param.name];
      for (const part of Array.isArray(value) ? value : value === undefined ? [] : [value]) parts.push(encodeURIComponent(part));
    }
  }
  return parts.length ? '/' + parts.join('/') : '';
}

export type { Icon };
