// Types of the non-code imports Nexxo's compiler handles. Reference them from a .d.ts in your app:
//   /// <reference types="nexxo/types" />

type CSSModuleClasses = { readonly [className: string]: string };

declare module '*.module.css' {
  const classes: CSSModuleClasses;
  export default classes;
}
declare module '*.module.scss' {
  const classes: CSSModuleClasses;
  export default classes;
}
declare module '*.module.sass' {
  const classes: CSSModuleClasses;
  export default classes;
}

/** A static image import: its URL and its intrinsic size, read at build time. */
interface StaticImageData {
  src: string;
  width: number;
  height: number;
  /** PNG, JPEG, WebP and AVIF: a tiny (≤ 8px) WebP data URL for `<Image placeholder="blur">`. */
  blurDataURL?: string;
  blurWidth?: number;
  blurHeight?: number;
}
declare module '*.png' {
  const image: StaticImageData;
  export default image;
}
declare module '*.jpg' {
  const image: StaticImageData;
  export default image;
}
declare module '*.jpeg' {
  const image: StaticImageData;
  export default image;
}
declare module '*.gif' {
  const image: StaticImageData;
  export default image;
}
declare module '*.webp' {
  const image: StaticImageData;
  export default image;
}
declare module '*.avif' {
  const image: StaticImageData;
  export default image;
}
declare module '*.svg' {
  const image: StaticImageData;
  export default image;
}
declare module '*.ico' {
  const image: StaticImageData;
  export default image;
}
declare module '*.bmp' {
  const image: StaticImageData;
  export default image;
}

declare module '*.woff' {
  const url: string;
  export default url;
}
declare module '*.woff2' {
  const url: string;
  export default url;
}
declare module '*.ttf' {
  const url: string;
  export default url;
}
declare module '*.otf' {
  const url: string;
  export default url;
}
declare module '*.mp4' {
  const url: string;
  export default url;
}
declare module '*.webm' {
  const url: string;
  export default url;
}
declare module '*.mp3' {
  const url: string;
  export default url;
}
declare module '*.pdf' {
  const url: string;
  export default url;
}
declare module '*.wasm' {
  const url: string;
  export default url;
}

/** `import url from './file?url'`: the file's URL (a stylesheet's compiled URL). */
declare module '*?url' {
  const url: string;
  export default url;
}
/** `import text from './file?raw'`: the file's text. */
declare module '*?raw' {
  const text: string;
  export default text;
}
