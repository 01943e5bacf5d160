import type { MetadataImageKind, SegmentMetadataFile } from '../../shared/app-module.js';
import type { IconDescriptor, OGImageDescriptor } from '../../shared/metadata-types.js';
import { withBasePath } from '../../shared/base-path.js';
import type { MatchedSegment } from '../segment-tree.js';

/** The social images of one segment's files, and the file to name in a missing-metadataBase warning. */
export interface FileImages {
  images: OGImageDescriptor[];
  source: string;
}

/** What the metadata files of one segment (`icon.png`, `opengraph-image.tsx`…) put in `<head>`. */
export interface SegmentFileMetadata {
  favicon?: IconDescriptor;
  icon?: IconDescriptor[];
  apple?: IconDescriptor[];
  openGraph?: FileImages;
  twitter?: FileImages;
}

/**
 * The metadata files of the segment at `depth` in the chain, as icon and image descriptors: a
 * static file's URL carries its content hash and its size read at build time; a generated image's
 * type, size and alt come from its `contentType`, `size` and `alt` exports.
 */
export async function segmentFileMetadata(chain: MatchedSegment[], depth: number): Promise<SegmentFileMetadata> {
  const files = chain[depth]!.segment.metadata ?? [];
  const result: SegmentFileMetadata = {};
  if (files.length === 0) return result;
  const ofKind = (kind: MetadataImageKind) => files.filter((file) => file.kind === kind);
  const urlOf = (file: SegmentMetadataFile) => withBasePath(`${segmentPath(chain, depth)}/${file.name}`) + (file.image ? `?${file.image.hash}` : '');
  const sourceOf = (file: SegmentMetadataFile) => `app${chain[depth]!.path.replace(/\/$/, '')}/${file.name}`;

  const favicon = ofKind('favicon')[0];
  if (favicon) result.favicon = { url: urlOf(favicon), sizes: 'any', type: 'image/x-icon' };
  for (const [kind, key] of [['icon', 'icon'], ['apple-icon', 'apple']] as const) {
    const list = ofKind(kind);
    if (list.length === 0) continue;
    result[key] = await Promise.all(
      list.map(async (file): Promise<IconDescriptor> => {
        const { type, width, height } = await imageInfo(file);
        return { url: urlOf(file), ...(type ? { type } : {}), ...(width ? { sizes: `${width}x${height}` } : {}) };
      }),
    );
  }
  for (const [kind, key] of [['opengraph-image', 'openGraph'], ['twitter-image', 'twitter']] as const) {
    const list = ofKind(kind);
    if (list.length === 0) continue;
    const images = await Promise.all(list.map(async (file): Promise<OGImageDescriptor> => ({ url: urlOf(file), ...(await imageInfo(file)) })));
    result[key] = { images, source: sourceOf(list[0]!) };
  }
  return result;
}

async function imageInfo(file: SegmentMetadataFile): Promise<{ type?: string; width?: number; height?: number; alt?: string }> {
  if (file.image) {
    const { type, width, height, alt } = file.image;
    return { type, ...(width ? { width, height } : {}), ...(alt ? { alt } : {}) };
  }
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
