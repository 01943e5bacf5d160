import type { ReactNode } from 'react';
import type { Params } from './app-module.js';

/**
 * What the server sends for a page, as the root value of the RSC stream. The client keeps one node
 * per segment; a navigation payload starts at `from`, the first segment that differs from what the
 * client already shows, so layouts that stay are neither re-rendered nor re-fetched.
 */
export interface RscPayload {
  buildId: string;
  /** Pathname and search this payload renders. */
  url: string;
  /** One key per node: the segment and its param value, `__PAGE__` last. */
  keys: string[];
  /** Index of `nodes[0]` in `keys`. */
  from: number;
  /** Index in `keys` of the segment with the root layout: crossing to another one reloads the document. */
  rootLayout: number;
  nodes: ReactNode[];
  /** The page's `<head>` tags from metadata (React hoists them); re-sent with every navigation. */
  head: ReactNode;
  params: Params;
  /** The app's `global-error` component (a client reference), if any. */
  globalError?: unknown;
  /** useActionState's state after a form was posted without JavaScript (hydration must start from it). */
  formState?: unknown;
}

/** The answer to a server action called by the router: its return value, and the page if the action changed it. */
export interface ActionResponse {
  returnValue: unknown;
  payload?: RscPayload;
}

export { ACTION_HEADER, ACTION_REDIRECT_HEADER, PREFETCH_HEADER, RSC_CONTENT_TYPE, RSC_PARAM, TREE_HEADER, encodeTree } from '@nexxo/runtime/protocol';

/** The last key of a payload: the page, or the not-found page (segment keys are folder names, `name|value` for params). */
export const PAGE_KEY = '__PAGE__';
export const NOT_FOUND_KEY = '__NOT_FOUND__';
