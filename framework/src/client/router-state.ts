import type { ReactNode } from 'react';
import type { Params } from '../shared/app-module.js';
import type { RscPayload } from '../shared/rsc-payload.js';

/** What the app router renders, and how the commit should touch history and scroll. */
export interface RouterState {
  /** Pathname and search. */
  url: string;
  hash: string;
  keys: string[];
  nodes: ReactNode[];
  head: ReactNode;
  params: Params;
  globalError: unknown;
  /** Segment keys down to the root layout; a payload with other ones needs a new document. */
  rootLayoutKeys: string;
  /** Unique per history entry, so back/forward can restore a page without fetching. */
  entryId: number;
  history: 'push' | 'replace' | 'none';
  /** Scroll after commit: to the top, to a saved position (back/forward), or not at all. */
  scroll: 'top' | { x: number; y: number } | 'none';
}

export function stateFromPayload(
  payload: RscPayload,
  previous: RouterState | null,
  navigation: Pick<RouterState, 'entryId' | 'history' | 'scroll' | 'hash'> & { url?: string },
): RouterState {
  const kept = previous ? previous.nodes.slice(0, payload.from) : [];
  return {
    url: navigation.url ?? payload.url,
    keys: payload.keys,
    nodes: [...kept, ...payload.nodes],
    head: payload.head,
    params: payload.params,
    globalError: payload.globalError,
    rootLayoutKeys: rootLayoutKeys(payload),
    entryId: navigation.entryId,
    history: navigation.history,
    scroll: navigation.scroll,
    hash: navigation.hash,
  };
}

export function rootLayoutKeys(payload: RscPayload): string {
  return payload.keys.slice(0, payload.rootLayout + 1).join('/');
}

/** A navigation payload can be applied only on top of the segments it was rendered against. */
export function canApply(payload: RscPayload, current: RouterState): boolean {
  for (let index = 0; index < payload.from; index++) if (payload.keys[index] !== current.keys[index]) return false;
  return payload.from <= current.nodes.length;
}
