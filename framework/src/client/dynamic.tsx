import { createElement, lazy, Suspense, useSyncExternalStore, type ComponentType, type ReactNode } from 'react';
import { componentOf, loaderOf, type DynamicOptions, type Loader } from '../shared/dynamic-types.js';

const noSubscription = () => () => {};

/**
 * A component loaded on demand, in its own chunk (React.lazy + Suspense). With `ssr: false` it is
 * loaded and rendered only in the browser: the server HTML (and the first render while hydrating)
 * shows `loading`.
 * @example
 * const Chart = dynamic(() => import('./chart'), { ssr: false, loading: () => <p>Loading…</p> });
 * const Named = dynamic(() => import('./widgets').then((module) => module.Widget));
 */
export default function dynamic<P = object>(loader: Loader<P> | DynamicOptions<P>, dynamicOptions: DynamicOptions<P> = {}): ComponentType<P> {
  const { load, options } = loaderOf(loader, dynamicOptions);
  const Lazy = lazy(async () => componentOf(await load()));
  const Loading = options.loading;
  function DynamicComponent(props: P): ReactNode {
    const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);
    const fallback = Loading ? <Loading isLoading pastDelay error={null} /> : null;
    // The server snapshot is also what hydration renders, so the server HTML matches.
    if (options.ssr === false && !inBrowser) return fallback;
    return <Suspense fallback={fallback}>{createElement(Lazy as ComponentType<any>, props as object)}</Suspense>;
  }
  return DynamicComponent;
}

export type { DynamicOptions, DynamicOptionsLoadingProps, Loader } from '../shared/dynamic-types.js';
