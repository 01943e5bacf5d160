// `nexxo/dynamic` in the react-server graph: no `ssr: false` (see rsc/dynamic.tsx).
export { default } from '../rsc/dynamic.js';
export type { DynamicOptions, DynamicOptionsLoadingProps, Loader } from '../shared/dynamic-types.js';
