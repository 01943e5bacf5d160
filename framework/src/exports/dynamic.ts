export { default, type DynamicOptions, type DynamicOptionsLoadingProps, type Loader } from '../client/dynamic.js';
