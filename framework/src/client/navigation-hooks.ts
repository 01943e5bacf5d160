import { useContext } from 'react';
import type { Params } from '../shared/app-module.js';
import { ParamsContext, PathnameContext, RouterContext, SearchParamsContext, type AppRouterInstance } from './router-context.js';
import type { ReadonlyURLSearchParams } from './readonly-search-params.js';

function outsideRouter(hook: string): Error {
  return new Error(`${hook} was called outside the Nexxo app router. Call it in a client component rendered by a page or layout of the app/ folder.`);
}

/**
 * Navigate from client components.
 * @example
 * const router = useRouter();
 * <button onClick={() => router.push('/dashboard')}>Go</button>
 */
export function useRouter(): AppRouterInstance {
  const router = useContext(RouterContext);
  if (!router) throw outsideRouter('useRouter()');
  return router;
}

/** The current pathname, e.g. `/blog/hello`. */
export function usePathname(): string {
  const pathname = useContext(PathnameContext);
  if (pathname === null) throw outsideRouter('usePathname()');
  return pathname;
}

/** The current URL's search params (read-only). */
export function useSearchParams(): ReadonlyURLSearchParams {
  const searchParams = useContext(SearchParamsContext);
  if (searchParams === null) throw outsideRouter('useSearchParams()');
  return searchParams as ReadonlyURLSearchParams;
}

/** The dynamic params of the current route, e.g. `{ slug: 'hello' }` for `/blog/[slug]`. */
export function useParams<T extends Params = Params>(): T {
  const params = useContext(ParamsContext);
  if (params === null) throw outsideRouter('useParams()');
  return params as T;
}
