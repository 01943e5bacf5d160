import { describe, expect, it } from 'vitest';
import type { AppSegment, SegmentMetadataFile } from '../../shared/app-module.js';
import type { Metadata } from '../../shared/metadata-types.js';
import type { MatchedSegment } from '../segment-tree.js';
import { resolveMetadata, resolveTitle } from './resolve-metadata.js';

type Module = Record<string, unknown>;

/** A matched segment from its route files' exports and its metadata files. */
function segment(name: string, files: { layout?: Module; page?: Module; metadata?: SegmentMetadataFile[] } = {}): MatchedSegment {
  const appSegment: AppSegment = {
    name,
    files: {
      ...(files.layout ? { layout: async () => files.layout! } : {}),
      ...(files.page ? { page: async () => files.page! } : {}),
    },
    paths: { ...(files.layout ? { layout: `app/${name}/layout.tsx` } : {}), ...(files.page ? { page: `app/${name}/page.tsx` } : {}) },
    children: [],
    ...(files.metadata ? { metadata: files.metadata } : {}),
  };
  return { segment: appSegment, path: name ? `/${name}` : '/', params: {} };
}

const staticImage = (kind: SegmentMetadataFile['kind'], name: string, image: Partial<NonNullable<SegmentMetadataFile['image']>> = {}): SegmentMetadataFile => ({
  kind,
  name,
  image: { type: 'image/png', width: 1200, height: 630, hash: '0123456789abcdef', ...image },
});

const resolve = (chain: MatchedSegment[], searchParams: Record<string, string> = {}) => resolveMetadata(chain, 'page', Promise.resolve(searchParams));

describe('resolveTitle', () => {
  it('puts a string title through the template and passes no template on', () => {
    expect(resolveTitle('Post', '%s | Site')).toEqual({ absolute: 'Post | Site', template: null });
  });

  it('replaces every %s of the template', () => {
    expect(resolveTitle('A', '%s – %s')).toEqual({ absolute: 'A – A', template: null });
  });

  it('applies the template to default, keeps absolute as it is, and passes its own template on', () => {
    expect(resolveTitle({ default: 'Blog', template: '%s · Blog' }, '%s | Site')).toEqual({ absolute: 'Blog | Site', template: '%s · Blog' });
    expect(resolveTitle({ absolute: 'Home', template: '%s · Home' }, '%s | Site')).toEqual({ absolute: 'Home', template: '%s · Home' });
  });
});

describe('resolveMetadata', () => {
  const root = { metadata: { title: { default: 'Site', template: '%s | Site' }, description: 'Root', openGraph: { siteName: 'Site', type: 'website' } } satisfies Metadata };

  it('uses the title default of the layout for a page without a title', async () => {
    const { metadata } = await resolve([segment('', { layout: root, page: {} })]);
    expect(metadata.title).toEqual({ absolute: 'Site', template: '%s | Site' });
  });

  it("does not apply a layout's template to the page of its own segment, only to deeper ones", async () => {
    const blog = { metadata: { title: { default: 'Blog', template: '%s · Blog' } } };
    const own = await resolve([segment('', { layout: root }), segment('blog', { layout: blog, page: { metadata: { title: 'All posts' } } })]);
    expect(own.metadata.title?.absolute).toBe('All posts | Site');
    const deeper = await resolve([segment('', { layout: root }), segment('blog', { layout: blog }), segment('first', { page: { metadata: { title: 'First' } } })]);
    expect(deeper.metadata.title?.absolute).toBe('First · Blog');
  });

  it('ends the template inheritance at a layout with a plain string title, as Next.js does', async () => {
    const { metadata } = await resolve([segment('', { layout: root }), segment('shop', { layout: { metadata: { title: 'Shop' } } }), segment('cart', { page: { metadata: { title: 'Cart' } } })]);
    expect(metadata.title?.absolute).toBe('Cart');
  });

  it('keeps an absolute title out of every template', async () => {
    const { metadata } = await resolve([segment('', { layout: root }), segment('x', { page: { metadata: { title: { absolute: 'Exactly this' } } } })]);
    expect(metadata.title?.absolute).toBe('Exactly this');
  });

  it('replaces openGraph whole, root down, and merges other', async () => {
    const { metadata } = await resolve([
      segment('', { layout: { metadata: { ...root.metadata, other: { a: '1', b: '2' } } } }),
      segment('post', { page: { metadata: { openGraph: { type: 'article', title: 'OG' }, other: { b: '3' } } } }),
    ]);
    expect(metadata.openGraph).toEqual({ type: 'article', title: 'OG', description: 'Root' });
    expect(metadata.other).toEqual({ a: '1', b: '3' });
  });

  it('passes the resolved parent to generateMetadata and searchParams only to the page', async () => {
    const seen: unknown[] = [];
    const generateMetadata = async (props: { searchParams?: Promise<Record<string, string>> }, parent: Promise<{ description?: string | null }>) => {
      seen.push(props.searchParams ? await props.searchParams : 'no searchParams');
      return { description: `${(await parent).description} > child` };
    };
    const { metadata } = await resolve([segment('', { layout: root }), segment('a', { layout: { generateMetadata }, page: { generateMetadata } })], { q: 'x' });
    expect(seen).toEqual(['no searchParams', { q: 'x' }]);
    expect(metadata.description).toBe('Root > child > child');
  });

  it('merges viewports root down, generateViewport receiving the parent viewport', async () => {
    const generateViewport = async (_props: unknown, parent: Promise<{ themeColor?: string }>) => ({ themeColor: `${(await parent).themeColor}!` });
    const { viewport } = await resolve([segment('', { layout: { viewport: { themeColor: 'red' } } }), segment('a', { page: { generateViewport } })]);
    expect(viewport).toEqual({ width: 'device-width', initialScale: 1, themeColor: 'red!' });
  });

  it('fills Open Graph and Twitter title, description and images from the page and Open Graph', async () => {
    const { metadata } = await resolve([segment('', { layout: root }), segment('a', { page: { metadata: { title: 'A', openGraph: { images: '/a.png' } } } })]);
    expect(metadata.openGraph).toEqual({ images: '/a.png', title: 'A | Site', description: 'Root' });
    expect(metadata.twitter).toEqual({ card: 'summary_large_image', title: 'A | Site', description: 'Root', images: '/a.png' });
  });

  it('keeps the card of an exported twitter without images when it takes the Open Graph images', async () => {
    const { metadata } = await resolve([segment('', { layout: root }), segment('a', { page: { metadata: { openGraph: { images: '/a.png' }, twitter: { site: '@x' } } } })]);
    expect(metadata.twitter).toMatchObject({ card: 'summary', site: '@x', images: '/a.png' });
  });

  it('applies the image files of a segment unless an export of that segment sets the images', async () => {
    const og = staticImage('opengraph-image', 'opengraph-image.png', { alt: 'Docs' });
    const docs = segment('docs', { layout: { metadata: { title: 'Docs' } }, metadata: [og] });
    const inherited = await resolve([segment('', { layout: root }), docs, segment('intro', { page: {} })]);
    expect(inherited.metadata.openGraph?.images).toEqual([{ url: '/docs/opengraph-image.png?0123456789abcdef', type: 'image/png', width: 1200, height: 630, alt: 'Docs' }]);
    expect(inherited.metadata.sources.openGraph).toBe('app/docs/opengraph-image.png');
    const replaced = await resolve([segment('', { layout: root }), docs, segment('custom', { page: { metadata: { openGraph: { images: '/custom.png' } } } })]);
    expect(replaced.metadata.openGraph?.images).toBe('/custom.png');
    const sameSegment = await resolve([segment('', { layout: root }), segment('docs', { page: { metadata: { openGraph: { images: '/own.png' } } }, metadata: [og] })]);
    expect(sameSegment.metadata.openGraph?.images).toBe('/own.png');
  });

  it('links the deepest icon files when no export sets icons, and the root favicon first either way', async () => {
    const rootFiles = [staticImage('favicon', 'favicon.ico', { type: 'image/x-icon', width: 0 }), staticImage('icon', 'icon.png', { width: 32, height: 32 })];
    const fromFiles = await resolve([segment('', { layout: {}, metadata: rootFiles }), segment('a', { page: {}, metadata: [staticImage('apple-icon', 'apple-icon.png', { width: 180, height: 180 })] })]);
    expect(fromFiles.metadata.icons).toEqual({
      icon: [
        { url: '/favicon.ico?0123456789abcdef', sizes: 'any', type: 'image/x-icon' },
        { url: '/icon.png?0123456789abcdef', type: 'image/png', sizes: '32x32' },
      ],
      apple: [{ url: '/a/apple-icon.png?0123456789abcdef', type: 'image/png', sizes: '180x180' }],
    });
    const exported = await resolve([segment('', { layout: {}, metadata: rootFiles }), segment('a', { page: { metadata: { icons: { icon: '/x.png', shortcut: '/s.png' } } } })]);
    expect(exported.metadata.icons).toEqual({ icon: [{ url: '/favicon.ico?0123456789abcdef', sizes: 'any', type: 'image/x-icon' }, { url: '/x.png' }], apple: [], shortcut: [{ url: '/s.png' }] });
  });
});
