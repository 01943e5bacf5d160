import { createElement, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { componentOf, loaderOf, type DynamicOptions, type Loader } from '../shared/dynamic-types.js';

/**
 * `nexxo/dynamic` in server components: the component's module is imported when it first renders
 * (a client component stays a client reference, loaded in its own chunk).
 */
export default function dynamic<P = object>(loader: Loader<P> | DynamicOptions<P>, dynamicOptions: DynamicOptions<P> = {}): ComponentType<P> {
  const { load, options } = loaderOf(loader, dynamicOptions);
  if (options.ssr === false)
    throw new Error('`ssr: false` is not allowed with `nexxo/dynamic` in server components: a server component always renders on the server. Move the dynamic() call into a client component ("use client"), and render that here.');
  const Lazy = lazy(async () => componentOf(await load()));
  const Loading = options.loading;
  function DynamicComponent(props: P): ReactNode {
    return <Suspense fallback={Loading ? <Loading isLoading pastDelay error={null} /> : null}>{createElement(Lazy as ComponentType<any>, props as object)}</Suspense>;
  }
  return DynamicComponent;
}
