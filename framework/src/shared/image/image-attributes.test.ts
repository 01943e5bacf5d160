import { describe, expect, it } from 'vitest';
import { imageAttributes, type ImageEnvironment } from './image-attributes.js';
import type { ImageComponentConfig, ImageProps } from './image-types.js';

const config: ImageComponentConfig = {
  deviceSizes: [640, 750, 828, 1080, 1200, 1920, 2048, 3840],
  imageSizes: [32, 48, 64, 96, 128, 256, 384],
  qualities: [50, 75],
  unoptimized: false,
  dangerouslyAllowSVG: false,
  loader: 'default',
  path: '/docs/_nexxo/image',
};
const environment = (overrides: Partial<ImageComponentConfig> = {}, extra: Partial<ImageEnvironment> = {}): ImageEnvironment => ({ config: { ...config, ...overrides }, loaderFile: null, development: true, ...extra });
const attributes = (props: ImageProps, env = environment()) => imageAttributes(props, env);
const photo = { src: '/docs/_nexxo/media/photo-Ab12Cd34.jpg', width: 1200, height: 800, blurDataURL: 'data:image/webp;base64,UklGRg==', blurWidth: 8, blurHeight: 5 };
const endpoint = (src: string, width: number, quality = 75) => `/docs/_nexxo/image?url=${encodeURIComponent(src)}&w=${width}&q=${quality}`;

describe('imageAttributes', () => {
  it('gives a fixed-size image a 1x/2x srcset, lazy loading and its reserved box', () => {
    const { props, preload } = attributes({ src: photo, alt: 'Harbour', width: 300, height: 200 });
    expect(props).toEqual({
      alt: 'Harbour',
      loading: 'lazy',
      width: 300,
      height: 200,
      decoding: 'async',
      'data-nimg': '1',
      style: { aspectRatio: '300 / 200', color: 'transparent' },
      srcSet: `${endpoint(photo.src, 384)} 1x, ${endpoint(photo.src, 640)} 2x`,
      src: endpoint(photo.src, 640),
    });
    expect(Object.keys(props)).toEqual(['alt', 'loading', 'width', 'height', 'decoding', 'data-nimg', 'style', 'srcSet', 'src']);
    expect(preload).toBeNull();
  });

  it("takes a static import's size, or the missing side from its aspect ratio", () => {
    expect(attributes({ src: photo, alt: '' }).props).toMatchObject({ width: 1200, height: 800 });
    expect(attributes({ src: photo, alt: '', height: 400 }).props).toMatchObject({ width: 600, height: 400 });
    expect(attributes({ src: { default: photo }, alt: '', width: '600' }).props).toMatchObject({ width: 600, height: 400 });
  });

  it('with sizes, lists every width from the smallest the sizes could need, with w descriptors', () => {
    const { props } = attributes({ src: '/docs/hero.jpg', alt: '', fill: true, sizes: '(max-width: 768px) 100vw, 50vw' });
    const widths = props.srcSet!.split(', ').map((entry) => entry.split(' ')[1]);
    expect(widths).toEqual(['384w', '640w', '750w', '828w', '1080w', '1200w', '1920w', '2048w', '3840w']);
    expect(props.sizes).toBe('(max-width: 768px) 100vw, 50vw');
    expect(props.src).toBe(endpoint('/docs/hero.jpg', 3840));
  });

  it('fills the parent with an absolute box, and defaults sizes to 100vw over the device sizes', () => {
    const { props } = attributes({ src: '/docs/hero.jpg', alt: '', fill: true });
    expect(props.style).toEqual({ position: 'absolute', inset: 0, width: '100%', height: '100%', color: 'transparent' });
    expect(props['data-nimg']).toBe('fill');
    expect(props.sizes).toBe('100vw');
    expect(props.srcSet!.split(', ')).toHaveLength(8);
    expect(props).not.toHaveProperty('width');
  });

  it('makes a priority image eager with a high fetch priority, and plans its preload', () => {
    const { props, preload } = attributes({ src: photo, alt: '', width: 300, height: 200, priority: true });
    expect(props).not.toHaveProperty('loading');
    expect(props.fetchPriority).toBe('high');
    expect(preload).toEqual({ href: endpoint(photo.src, 640), imageSrcSet: props.srcSet, imageSizes: undefined, fetchPriority: 'high' });
    const preloaded = attributes({ src: photo, alt: '', width: 300, height: 200, preload: true });
    expect(preloaded.props).not.toHaveProperty('fetchPriority');
    expect(preloaded.preload?.fetchPriority).toBeUndefined();
    expect(attributes({ src: photo, alt: '', width: 300, height: 200, loading: 'eager' }).props.loading).toBe('eager');
  });

  it('uses the allowed quality closest to the one asked for', () => {
    expect(attributes({ src: '/a.png', alt: '', width: 32, height: 32, quality: 55 }).props.src).toBe(endpoint('/a.png', 64, 50));
    expect(attributes({ src: '/a.png', alt: '', width: 32, height: 32, quality: 90 }).props.src).toBe(endpoint('/a.png', 64, 75));
  });

  it('serves src as it is when unoptimized, for data: URLs and for SVG without dangerouslyAllowSVG', () => {
    for (const props of [
      attributes({ src: '/a.png', alt: '', width: 10, height: 10, unoptimized: true }).props,
      attributes({ src: '/a.png', alt: '', width: 10, height: 10 }, environment({ unoptimized: true })).props,
      attributes({ src: '/a.svg?v=1', alt: '', width: 10, height: 10 }).props,
    ]) {
      expect(props).not.toHaveProperty('srcSet');
      expect(props).not.toHaveProperty('sizes');
    }
    expect(attributes({ src: 'data:image/png;base64,AAAA', alt: '', width: 1, height: 1 }).props.src).toBe('data:image/png;base64,AAAA');
    expect(attributes({ src: '/a.svg', alt: '', width: 10, height: 10 }, environment({ dangerouslyAllowSVG: true })).props.src).toBe(endpoint('/a.svg', 32));
  });

  it('uses a loader prop, a loader file, or a hosted loader', () => {
    const loader = ({ src, width, quality }: { src: string; width: number; quality?: number }) => `https://cdn.test${src}?w=${width}&q=${quality ?? 'auto'}`;
    expect(attributes({ src: '/a.png', alt: '', width: 32, height: 32, loader }).props.srcSet).toBe('https://cdn.test/a.png?w=32&q=auto 1x, https://cdn.test/a.png?w=64&q=auto 2x');
    expect(attributes({ src: '/a.png', alt: '', width: 32, height: 32 }, environment({ loader: 'custom' }, { loaderFile: loader })).props.src).toBe('https://cdn.test/a.png?w=64&q=auto');
    expect(() => attributes({ src: '/a.png', alt: '', width: 32, height: 32 }, environment({ loader: 'custom' }))).toThrow(/images.loader is 'custom'/);
    expect(attributes({ src: '/a.png', alt: '', width: 32, height: 32, quality: 75 }, environment({ loader: 'imgix', path: 'https://x.imgix.net' })).props.src).toBe('https://x.imgix.net/a.png?auto=format&fit=max&w=64&q=75');
    expect(attributes({ src: '/a.png', alt: '', width: 32, height: 32 }, environment({ loader: 'cloudinary', path: 'https://res.cloudinary.com/demo/image/upload/' })).props.src).toBe('https://res.cloudinary.com/demo/image/upload/f_auto,c_limit,w_64,q_auto/a.png');
    expect(attributes({ src: '/a.png', alt: '', width: 32, height: 32 }, environment({ loader: 'akamai', path: 'https://img.example.com' })).props.src).toBe('https://img.example.com/a.png?imwidth=64');
  });

  it("paints a static import's blurDataURL, blurred, behind the image", () => {
    const { props } = attributes({ src: photo, alt: '', width: 300, height: 200, placeholder: 'blur' });
    expect(props.style).toMatchObject({ aspectRatio: '300 / 200', backgroundSize: 'cover', backgroundPosition: '50% 50%', backgroundRepeat: 'no-repeat' });
    const svg = decodeURIComponent(/^url\("data:image\/svg\+xml;charset=utf-8,(.*)"\)$/.exec(String(props.style!.backgroundImage))![1]!);
    expect(svg).toContain("viewBox='0 0 8 5'");
    expect(svg).toContain(`href='${photo.blurDataURL}'`);
    expect(svg).toContain('feGaussianBlur');
    expect(attributes({ src: '/a.png', alt: '', width: 10, height: 10, placeholder: 'data:image/png;base64,AAAA' }).props.style!.backgroundImage).toBe('url("data:image/png;base64,AAAA")');
  });

  it('keeps other attributes and lets style override the defaults', () => {
    const { props } = attributes({ src: '/a.png', alt: 'A', width: 10, height: 10, id: 'pic', className: 'round', style: { color: 'red', width: '100%', height: 'auto' } });
    expect(props).toMatchObject({ id: 'pic', className: 'round', style: { aspectRatio: '10 / 10', color: 'red', width: '100%', height: 'auto' } });
  });

  it('refuses props that would shift the page or break the image, saying how to fix them', () => {
    expect(() => attributes({ src: '/a.png', alt: '', width: 10 })).toThrow('<Image src="/a.png"> is missing `height`: give width and height (the size it renders at, in pixels) so the page does not shift when it loads, or `fill` to fill its parent.');
    expect(() => attributes({ src: '/a.png', alt: '', fill: true, width: 10 })).toThrow(/has both `fill` and `width`\/`height`/);
    expect(() => attributes({ src: '/a.png', alt: '', width: 10, height: 10, placeholder: 'blur' })).toThrow(/placeholder="blur" but no blurDataURL/);
    expect(() => attributes({ src: '', alt: '', width: 10, height: 10 })).toThrow(/missing `src`/);
    expect(() => attributes({ src: '/a.png', width: 10, height: 10 } as ImageProps)).toThrow(/is missing `alt`/);
    expect(() => attributes({ src: '/a.png', width: 10, height: 10 } as ImageProps, environment({}, { development: false }))).not.toThrow();
    expect(() => attributes({ src: '/a.png', alt: '', width: 'wide' as `${number}`, height: 10 })).toThrow(/invalid `width`/);
  });
});
