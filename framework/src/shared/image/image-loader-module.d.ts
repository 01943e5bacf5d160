// The default export of `images.loaderFile`, or null: generated per build (see imageLoaderModule).
declare module 'virtual:nexxo/image-loader' {
  const loader: import('./image-types.js').ImageLoader | null;
  export default loader;
}
