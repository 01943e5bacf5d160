import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ComponentType, type ReactNode } from 'react';
import type { RscPayload } from '../shared/rsc-payload.js';
import type { BrowserNavigation } from './browser-navigation.js';
import { DefaultGlobalError } from './default-global-error.js';
import { ReadonlyURLSearchParams } from './readonly-search-params.js';
import { RedirectBoundary } from './redirect-boundary.js';
import { LayoutNodesContext, ParamsContext, PathnameContext, RouterContext, SearchParamsContext, type AppRouterInstance } from './router-context.js';
import { stateFromPayload, type RouterState } from './router-state.js';
import { ErrorBoundary, Outlet, type ErrorComponentProps } from './segment-boundaries.js';
import { withoutBasePath } from '../shared/base-path.js';

/** On the server the router cannot navigate; calls are ignored (they belong in effects and handlers). */
const serverRouter: AppRouterInstance = { push() {}, replace() {}, back() {}, forward() {}, refresh() {}, prefetch() {} };

/**
 * The root of every page, on the server (SSR) and in the browser: renders the segment nodes from
 * the RSC payload and provides the router, pathname, search params and params to client code.
 */
export function AppRouter({ initial, navigation }: { initial: RscPayload; navigation?: BrowserNavigation }): ReactNode {
  const [state, setState] = useState<RouterState>(() =>
    stateFromPayload(initial, null, {
      entryId: navigation?.initialEntryId() ?? 0,
      history: 'none',
      scroll: 'none',
      hash: typeof location === 'undefined' ? '' : location.hash,
    }),
  );
  const stateRef = useRef(state);
  stateRef.current = state;
  const router = useMemo(() => {
    if (!navigation) return serverRouter;
    navigation.connect(() => stateRef.current, setState);
    return navigation.router;
  }, [navigation]);
  useLayoutEffect(() => navigation?.committed(state), [navigation, state]);
  useEffect(() => {
    // Hydration used the payload's URL (a prerendered page's has no search); now show the real one.
    if (!navigation) return;
    const actual = location.pathname + location.search;
    if (actual !== stateRef.current.url) setState((current) => ({ ...current, url: actual, history: 'none', scroll: 'none' }));
  }, [navigation]);

  const url = useMemo(() => new URL(state.url, 'http://n'), [state.url]);
  const searchParams = useMemo(() => new ReadonlyURLSearchParams(url.search), [url]);
  const layoutNodes = useMemo(() => ({ keys: state.keys, nodes: state.nodes }), [state.keys, state.nodes]);
  const GlobalError = (state.globalError as ComponentType<ErrorComponentProps> | undefined) ?? DefaultGlobalError;

  return (
    <RouterContext.Provider value={router}>
      <PathnameContext.Provider value={withoutBasePath(url.pathname)}>
        <SearchParamsContext.Provider value={searchParams}>
          <ParamsContext.Provider value={state.params}>
            <LayoutNodesContext.Provider value={layoutNodes}>
              {state.head}
              <ErrorBoundary errorComponent={GlobalError}>
                <RedirectBoundary>
                  <Outlet depth={0} />
                </RedirectBoundary>
              </ErrorBoundary>
            </LayoutNodesContext.Provider>
          </ParamsContext.Provider>
        </SearchParamsContext.Provider>
      </PathnameContext.Provider>
    </RouterContext.Provider>
  );
}
