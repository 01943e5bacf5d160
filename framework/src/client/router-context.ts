import { createContext, type ReactNode } from 'react';
import type { Params } from '../shared/app-module.js';

export interface NavigateOptions {
  /** Scroll to the top (or to the URL's #hash) after navigating. Default true. */
  scroll?: boolean;
}

/** What `useRouter()` returns. */
export interface AppRouterInstance {
  push(href: string, options?: NavigateOptions): void;
  replace(href: string, options?: NavigateOptions): void;
  back(): void;
  forward(): void;
  /** Re-renders the current page on the server, keeping client state. */
  refresh(): void;
  /** Fetches a page's payload ahead of navigation. */
  prefetch(href: string): void;
}

/** The nodes of the segments on screen, root first (see RscPayload). */
export interface LayoutNodes {
  keys: string[];
  nodes: ReactNode[];
}

export const RouterContext = createContext<AppRouterInstance | null>(null);
export const LayoutNodesContext = createContext<LayoutNodes>({ keys: [], nodes: [] });
export const PathnameContext = createContext<string | null>(null);
export const SearchParamsContext = createContext<URLSearchParams | null>(null);
export const ParamsContext = createContext<Params | null>(null);
/** The depth of the nearest layout above (0: the root layout), for useSelectedLayoutSegment(). */
export const LayoutDepthContext = createContext(0);
