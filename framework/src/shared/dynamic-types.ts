import type { ComponentType, ReactNode } from 'react';

/** Props of the `loading` component while the dynamic component loads. */
export interface DynamicOptionsLoadingProps {
  error?: Error | null;
  isLoading?: boolean;
  pastDelay?: boolean;
  timedOut?: boolean;
  retry?: () => void;
}

/** The module a loader imports (its default export is the component), or the component itself. */
export type LoaderResult<P> = ComponentType<P> | { default: ComponentType<P> };
export type Loader<P = object> = () => Promise<LoaderResult<P>>;

export interface DynamicOptions<P = object> {
  /** Shown while the component loads (and, with `ssr: false`, in the server HTML). */
  loading?: (props: DynamicOptionsLoadingProps) => ReactNode;
  /** `false`: render only in the browser; the server renders `loading`. Client components only. Default true. */
  ssr?: boolean;
  loader?: Loader<P>;
}

/** The loader, from `dynamic(loader, options)` or `dynamic({ loader, … })`. */
export function loaderOf<P>(loader: Loader<P> | DynamicOptions<P>, options: DynamicOptions<P>): { load: Loader<P>; options: DynamicOptions<P> } {
  const merged = typeof loader === 'function' ? options : { ...loader, ...options };
  const load = typeof loader === 'function' ? loader : merged.loader;
  if (typeof load !== 'function') throw new Error('dynamic() needs a loader: dynamic(() => import(\'./component\')).');
  return { load, options: merged };
}

/** A loaded module's component: the module's default export, or what `.then(m => m.Named)` returned. */
export function componentOf<P>(loaded: LoaderResult<P>): { default: ComponentType<P> } {
  const isComponent = typeof loaded === 'function' || (typeof loaded === 'object' && loaded !== null && '$$typeof' in loaded);
  return { default: isComponent ? (loaded as ComponentType<P>) : (loaded as { default: ComponentType<P> }).default };
}
