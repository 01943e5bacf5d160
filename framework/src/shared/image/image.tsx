import { preload as preloadResource } from 'react-dom';
import type { ReactNode } from 'react';
import customLoader from 'virtual:nexxo/image-loader';
import { imageAttributes, type ImageEnvironment, type ImgAttributes } from './image-attributes.js';
import type { ImageComponentConfig, ImageProps } from './image-types.js';

// Replaced at build time by the compiler's `define` (see imageDefines), in all three environments.
declare const process: { env: { __NEXXO_IMAGES?: string; NODE_ENV?: string } };

const config = JSON.parse(process.env.__NEXXO_IMAGES ?? 'null') as ImageComponentConfig;

/**
 * An `<img>` with a srcset from `images.deviceSizes` and `images.imageSizes` served by the image
 * endpoint, lazy by default, with its space reserved so the page does not shift. A plain function
 * without hooks: it renders in server components and in client components alike.
 * @example
 * import Image from 'nexxo/image';
 * import hero from './hero.jpg';
 *
 * <Image src={hero} alt="The harbour at dawn" placeholder="blur" priority sizes="100vw" />
 * <Image src="/avatars/ada.png" alt="Ada" width={64} height={64} />
 */
export function Image(props: ImageProps): ReactNode {
  const { props: attributes, preload } = imageAttributes(props, checkedEnvironment());
  if (preload) {
    // Hoisted into <head> by React (from a server component too), so the browser starts the
    // download before it parses the <img>; deduplicated with React's own preload of the <img>.
    preloadResource(preload.href, {
      as: 'image',
      ...(preload.imageSrcSet ? { imageSrcSet: preload.imageSrcSet } : {}),
      ...(preload.imageSizes ? { imageSizes: preload.imageSizes } : {}),
      ...(preload.fetchPriority ? { fetchPriority: preload.fetchPriority } : {}),
      ...(attributes.crossOrigin !== undefined ? { crossOrigin: attributes.crossOrigin } : {}),
    });
  }
  return <img {...attributes} />;
}

/**
 * The attributes `<Image>` would render, for `<picture>` art direction or a CSS background.
 * @example
 * const { props } = getImageProps({ src: '/hero-dark.png', alt: '', width: 800, height: 400 });
 * <source media="(prefers-color-scheme: dark)" srcSet={props.srcSet} />
 */
export function getImageProps(props: ImageProps): { props: ImgAttributes } {
  return { props: imageAttributes(props, checkedEnvironment()).props };
}

/** Read on each call: `nexxo dev` keeps this module across server rebuilds and fills the loader of each. */
function checkedEnvironment(): ImageEnvironment {
  if (!config) throw new Error('nexxo/image renders only in an app built by Nexxo (`nexxo dev` or `nexxo build`), which inlines the `images` config it reads.');
  return { config, loaderFile: customLoader, development: process.env.NODE_ENV !== 'production' };
}
