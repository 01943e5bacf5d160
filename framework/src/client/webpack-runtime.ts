import references from 'virtual:nexxo/client-references';

/**
 * react-server-dom-webpack loads client components through webpack's globals. Nexxo's build is not
 * webpack: each client reference id maps to a lazily imported chunk. The same promise is returned
 * every time, because React tracks the module's status on it. Imported before react-server-dom
 * itself, which reads these globals when it loads.
 */
const loaded = new Map<string, Promise<unknown>>();

function requireClientReference(id: string): Promise<unknown> {
  let module = loaded.get(id);
  if (!module) {
    const load = references[id];
    if (!load) throw new Error(`Unknown client component "${id}": the page and the build disagree. Reload the page; if it persists, rebuild the app.`);
    module = load();
    loaded.set(id, module);
  }
  return module;
}

const globals = globalThis as unknown as Record<string, unknown>;
globals.__webpack_require__ = Object.assign(requireClientReference, { u: (chunk: string) => chunk });
globals.__webpack_chunk_load__ = () => Promise.resolve();
