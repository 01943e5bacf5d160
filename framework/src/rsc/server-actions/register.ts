import { registerServerReference } from 'react-server-dom-webpack/server.edge';
import { actionFiles } from 'virtual:nexxo/server-actions';

type ServerAction = (...args: unknown[]) => unknown;

/** Length of the module part of an action id (see the compiler's action-id.ts). */
const FILE_KEY_LENGTH = 16;

/** Only functions registered here can be called from a browser: a "use server" export or a hoisted inline action. */
const actions = new Map<string, ServerAction>();
/**
 * Keys of the app's files that registered actions while they were in the action table. `nexxo dev`
 * keeps this module across rebuilds: a file that has left the table since (it lost its actions, or
 * was deleted) must not keep its old ones callable. Packages' actions are never in the table.
 */
const appFileKeys = new Set<string>();

const fileKeyOf = (id: string) => id.slice(0, FILE_KEY_LENGTH);

/**
 * Called at the end of every module with server actions (the compiler appends the call), with the
 * module's live namespace: its exports exist by then. A module that runs again (an edited file, in
 * `nexxo dev`) replaces its actions: one deleted since is no longer callable.
 */
export function registerServerActions(namespace: Record<string, unknown>, ids: Record<string, string>, file: string): void {
  const current = new Set(Object.values(ids));
  const keys = new Set([...current].map(fileKeyOf));
  for (const id of actions.keys()) if (keys.has(fileKeyOf(id)) && !current.has(id)) actions.delete(id);
  for (const key of keys) if (key in actionFiles) appFileKeys.add(key);
  for (const [name, id] of Object.entries(ids)) {
    const value = namespace[name];
    if (typeof value !== 'function') {
      throw new Error(
        `${file}: the export "${name}" is ${value === null ? 'null' : typeof value}, but a "use server" file can export only async functions (server actions). Move other values to a module without "use server".`,
      );
    }
    registerServerReference(value, id, null);
    actions.set(id, value as ServerAction);
  }
}

/** The action with this id, loading its module first; null for an id this build does not have. */
export async function loadServerAction(id: string): Promise<ServerAction | null> {
  const key = fileKeyOf(id);
  const load = actionFiles[key];
  // Loaded first even when the id is registered: `nexxo dev` keeps this module across rebuilds,
  // and the current build's module (an edited file) registers its actions again when it runs.
  if (load) await load();
  else if (appFileKeys.has(key)) return null;
  return actions.get(id) ?? null;
}

export class UnknownServerActionError extends Error {
  constructor(id: string) {
    super(`Unknown server action "${id.slice(0, 12)}…": the page comes from another build of the app. Reload the page.`);
  }
}

/**
 * React's server runtime resolves server references (an action in a form's hidden fields, or passed
 * as an argument) through this manifest and webpack's globals; the rsc build renames those globals
 * to the two below. Each id is its own lazily loaded "module" whose `action` export is the function.
 */
export const serverManifest = new Proxy({} as Record<string, unknown>, {
  get(_, id) {
    return typeof id === 'string' ? { id, chunks: [], name: 'action', async: true } : undefined;
  },
});

/** Loaded actions by id, for the action table they were loaded from (`nexxo dev` fills one per build). */
let loaded = { from: actionFiles, actions: new Map<string, Promise<{ action: ServerAction }>>() };
const globals = globalThis as Record<string, unknown>;
globals.__nexxo_rsc_require__ = (id: string) => {
  if (loaded.from !== actionFiles) loaded = { from: actionFiles, actions: new Map() };
  let module = loaded.actions.get(id);
  if (!module) {
    module = loadServerAction(id).then((action) => {
      if (!action) throw new UnknownServerActionError(id);
      return { action };
    });
    loaded.actions.set(id, module);
  }
  return module;
};
globals.__nexxo_rsc_chunk_load__ = () => Promise.resolve();
