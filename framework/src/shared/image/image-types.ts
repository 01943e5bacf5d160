import type { CSSProperties, ImgHTMLAttributes, Ref } from 'react';

/** A static image import (`import photo from './photo.jpg'`), as the compiler makes it. */
export interface StaticImageData {
  src: string;
  width: number;
  height: number;
  /** A tiny (≤ 8px) copy as a data URL, for `placeholder="blur"`; PNG, JPEG, WebP and AVIF only. */
  blurDataURL?: string;
  blurWidth?: number;
  blurHeight?: number;
}

/** Maps an image and a width to the URL that serves it (`images.loaderFile`, or the `loader` prop). */
export type ImageLoader = (params: ImageLoaderProps) => string;

export interface ImageLoaderProps {
  src: string;
  width: number;
  quality?: number;
}

/** `nexxo.config` `images.loader`. */
export type ImageLoaderName = 'default' | 'imgix' | 'cloudinary' | 'akamai' | 'custom';

/** What `<Image>` needs of `nexxo.config` `images`, inlined into every bundle at build time. */
export interface ImageComponentConfig {
  /** Sorted. */
  deviceSizes: number[];
  /** Sorted. */
  imageSizes: number[];
  /** Sorted. */
  qualities: number[];
  unoptimized: boolean;
  dangerouslyAllowSVG: boolean;
  loader: ImageLoaderName;
  /** The default loader's endpoint (`/docs/_nexxo/image`), or a hosted loader's base URL. */
  path: string;
}

export interface ImageProps extends Omit<ImgHTMLAttributes<HTMLImageElement>, 'src' | 'srcSet' | 'alt' | 'width' | 'height' | 'loading'> {
  /** A path (`/photo.jpg`, with the base path), an allowed remote URL, or a static import. */
  src: string | StaticImageData | { default: StaticImageData };
  /** Required: describe the image, or `""` for a decorative one. */
  alt: string;
  /** The rendered width in pixels. Not with `fill`; optional for a static import. */
  width?: number | `${number}`;
  height?: number | `${number}`;
  /** Fill the parent (which needs `position: relative`, `fixed` or `absolute`). Give `sizes` too. */
  fill?: boolean;
  /** How wide the image is rendered at each breakpoint (`(max-width: 768px) 100vw, 50vw`). */
  sizes?: string;
  loader?: ImageLoader;
  /** One of `images.qualities`; the closest one is used. Default 75. */
  quality?: number | `${number}`;
  /** Above the fold: preloaded, loaded eagerly and with `fetchpriority="high"`. */
  priority?: boolean;
  /** Preloaded in `<head>` and loaded eagerly (Next.js 16's name; `priority` adds a high fetch priority). */
  preload?: boolean;
  loading?: 'lazy' | 'eager';
  /** `blur` (a static import's blurDataURL, or `blurDataURL`), `empty`, or a `data:image/…` URL. */
  placeholder?: 'empty' | 'blur' | `data:image/${string}`;
  blurDataURL?: string;
  /** Serve `src` as it is: no srcset, no optimization. */
  unoptimized?: boolean;
  /** The `src` attribute to render instead of the generated one (the srcset stays). */
  overrideSrc?: string;
  style?: CSSProperties;
  ref?: Ref<HTMLImageElement>;
}
