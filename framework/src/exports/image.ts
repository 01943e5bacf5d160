export { Image as default, Image, getImageProps } from '../shared/image/image.js';
export type { ImageProps, ImageLoader, ImageLoaderProps, StaticImageData } from '../shared/image/image-types.js';
