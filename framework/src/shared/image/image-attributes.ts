import type { CSSProperties, ImgHTMLAttributes } from 'react';
import { blurPlaceholderStyle } from './blur-placeholder.js';
import { configuredLoader } from './image-loaders.js';
import type { ImageComponentConfig, ImageLoader, ImageProps, StaticImageData } from './image-types.js';
import { srcsetWidths } from './image-widths.js';

export interface ImageEnvironment {
  config: ImageComponentConfig;
  /** The default export of `images.loaderFile`, or null. */
  loaderFile: ImageLoader | null;
  development: boolean;
}

export type ImgAttributes = ImgHTMLAttributes<HTMLImageElement> & { 'data-nimg': 'fill' | '1' };

/** What `<Image>` renders: the `<img>` attributes, and the preload for a priority image. */
export interface ImageAttributes {
  props: ImgAttributes;
  preload: { href: string; imageSrcSet: string | undefined; imageSizes: string | undefined; fetchPriority: 'high' | undefined } | null;
}

/**
 * The `<img>` attributes for `<Image>` props, as Next.js's `getImgProps` makes them: the srcset
 * from the configured sizes, lazy loading unless the image is a priority, and the space it takes
 * reserved before it loads (width and height attributes and aspect ratio, or `fill`'s absolute box).
 * Throws, with the fix, on props that would render a broken or shifting image.
 */
export function imageAttributes(input: ImageProps, environment: ImageEnvironment): ImageAttributes {
  const {
    src: srcProp, alt, width: widthProp, height: heightProp, fill = false, sizes: sizesProp, loader: loaderProp, quality: qualityProp,
    priority = false, preload = false, loading, placeholder = 'empty', blurDataURL: blurProp, unoptimized: unoptimizedProp = false,
    overrideSrc, style, className, decoding, fetchPriority, ...rest
  } = input;
  const { config } = environment;
  const staticImage = staticImageOf(srcProp);
  const src = staticImage ? staticImage.src : srcProp;
  if (typeof src !== 'string' || src === '') throw new Error(`<Image> is missing \`src\`: give a path such as "/photo.jpg", an allowed remote URL, or a static import (\`import photo from './photo.jpg'\`).`);
  const label = `<Image src="${src}">`;
  if (alt === undefined && environment.development) throw new Error(`${label} is missing \`alt\`: describe the image for screen readers and search engines, or use alt="" for a decorative image.`);

  let width = integerProp(widthProp, 'width', label);
  let height = integerProp(heightProp, 'height', label);
  if (fill) {
    if (width !== undefined || height !== undefined) throw new Error(`${label} has both \`fill\` and \`width\`/\`height\`: \`fill\` takes the parent's size, so remove width and height (and give \`sizes\`).`);
  } else {
    if (staticImage) {
      const ratio = staticImage.width / staticImage.height;
      if (width === undefined && height === undefined) [width, height] = [staticImage.width, staticImage.height];
      else if (width === undefined) width = Math.round(height! * ratio);
      else if (height === undefined) height = Math.round(width / ratio);
    }
    if (width === undefined || height === undefined) {
      throw new Error(`${label} is missing \`${width === undefined ? 'width' : 'height'}\`: give width and height (the size it renders at, in pixels) so the page does not shift when it loads, or \`fill\` to fill its parent.`);
    }
  }

  const dataOrBlob = src.startsWith('data:') || src.startsWith('blob:');
  const loader = loaderProp ?? configuredLoader(config, environment.loaderFile);
  let unoptimized = unoptimizedProp || config.unoptimized || dataOrBlob;
  if (!loaderProp && config.loader === 'default' && !config.dangerouslyAllowSVG && /\.svg$/i.test(src.split(/[?#]/, 1)[0]!)) {
    // The endpoint refuses SVG without dangerouslyAllowSVG, and a vector needs no srcset.
    unoptimized = true;
  }
  if (!loader && !unoptimized) throw new Error(`${label} has no loader: images.loader is 'custom' in nexxo.config, so give the \`loader\` prop or set images.loaderFile.`);

  const quality = integerProp(qualityProp, 'quality', label);
  let srcSet: string | undefined;
  let sizes: string | undefined;
  let finalSrc = src;
  if (!unoptimized) {
    const { widths, kind } = srcsetWidths(config, width, sizesProp);
    const url = (each: number) => loader!({ src, width: each, ...(quality === undefined ? {} : { quality }) });
    srcSet = widths.map((each, index) => `${url(each)} ${kind === 'w' ? each : index + 1}${kind}`).join(', ');
    sizes = sizesProp ?? (kind === 'w' ? '100vw' : undefined);
    finalSrc = url(widths[widths.length - 1]!);
  }

  const blurDataURL = blurProp ?? staticImage?.blurDataURL;
  if (placeholder === 'blur' && !blurDataURL) {
    throw new Error(`${label} has placeholder="blur" but no blurDataURL: static imports of PNG, JPEG, WebP and AVIF files have one; for other images pass \`blurDataURL\` (a small data: URL).`);
  }
  const placeholderStyle: CSSProperties =
    placeholder === 'blur'
      ? blurPlaceholderStyle({ blurDataURL: blurDataURL!, width: (blurProp ? undefined : staticImage?.blurWidth) ?? width, height: (blurProp ? undefined : staticImage?.blurHeight) ?? height, objectFit: style?.objectFit })
      : placeholder.startsWith('data:image/')
        ? { backgroundSize: 'cover', backgroundPosition: '50% 50%', backgroundRepeat: 'no-repeat', backgroundImage: `url("${placeholder}")` }
        : {};
  // The box is reserved before a byte arrives: fill covers the parent, otherwise the aspect ratio
  // holds even when CSS scales the width. Transparent text hides the alt text while loading.
  const layout: CSSProperties = fill ? { position: 'absolute', inset: 0, width: '100%', height: '100%' } : { aspectRatio: `${width} / ${height}` };

  const eager = priority || preload;
  const props: ImgAttributes = {
    ...rest,
    alt,
    loading: !eager && (loading === undefined || loading === 'lazy') ? 'lazy' : loading,
    fetchPriority: fetchPriority ?? (priority ? 'high' : undefined),
    width,
    height,
    decoding: decoding ?? 'async',
    'data-nimg': fill ? 'fill' : '1',
    className,
    style: { ...layout, color: 'transparent', ...style, ...placeholderStyle },
    sizes,
    srcSet,
    src: overrideSrc || finalSrc,
  };
  for (const key of Object.keys(props) as (keyof ImgAttributes)[]) if (props[key] === undefined) delete props[key];
  return { props, preload: eager ? { href: finalSrc, imageSrcSet: srcSet, imageSizes: sizes, fetchPriority: priority ? 'high' : undefined } : null };
}

function staticImageOf(src: ImageProps['src']): StaticImageData | null {
  if (typeof src !== 'object' || src === null) return null;
  const image = 'default' in src ? src.default : src;
  if (typeof image?.src !== 'string' || !(image.width > 0) || !(image.height > 0)) {
    throw new Error(`<Image> got an object as \`src\` that is not a static image import ({ src, width, height }): ${JSON.stringify(src)}.`);
  }
  return image;
}

function integerProp(value: number | string | undefined, name: string, label: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(number) || number < 0) throw new Error(`${label} has an invalid \`${name}\`: ${JSON.stringify(value)}. Give a number of pixels${name === 'quality' ? ' (quality: 1 to 100)' : ''}.`);
  return Math.round(number);
}
