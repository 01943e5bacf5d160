import { useContext } from 'react';
import type { Params } from '../shared/app-module.js';
import { LayoutDepthContext, LayoutNodesContext, ParamsContext, PathnameContext, RouterContext, SearchParamsContext, type AppRouterInstance } from './router-context.js';
import { NOT_FOUND_KEY, PAGE_KEY } from '../shared/rsc-payload.js';
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

/**
 * The active segments below the layout that calls it: in the root layout on `/blog/hello`,
 * `['blog', 'hello']` (a dynamic segment gives its value; route groups such as `(shop)` are included).
 * @example
 * const segments = useSelectedLayoutSegments();
 */
export function useSelectedLayoutSegments(): string[] {
  const depth = useContext(LayoutDepthContext);
  const { keys } = useContext(LayoutNodesContext);
  return keys
    .slice(depth + 1)
    .filter((key) => key !== PAGE_KEY && key !== NOT_FOUND_KEY)
    .map((key) => (key.includes('|') ? key.slice(key.indexOf('|') + 1) : key));
}

/**
 * The active segment one level below the layout that calls it, or null on the layout's own page:
 * for a nav bar that highlights the current section.
 * @example
 * const active = useSelectedLayoutSegment(); // 'blog' on /blog/hello, in the root layout
 */
export function useSelectedLayoutSegment(): string | null {
  return useSelectedLayoutSegments()[0] ?? null;
}
