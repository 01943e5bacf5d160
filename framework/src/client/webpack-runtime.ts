/**
 * react-server-dom-webpack loads client components through webpack's globals. Nexxo's build is not
 * webpack: each client reference id maps to a lazily imported chunk. The same promise is returned
 * every time, because React tracks the module's status on it. Imported before react-server-dom
 * itself, which reads these globals when it loads.
 */
const loaded = new Map<string, Promise<unknown>>();
const globals = globalThis as unknown as Record<string, unknown>;
let references: Record<string, () => Promise<unknown>> = {};

/**
 * The build's table of client reference id → chunk loader (see client-references.ts). A module of
 * its own, so that in development this runtime can be pre-bundled while the table is rebuilt.
 */
export function setClientReferences(table: Record<string, () => Promise<unknown>>): void {
  references = table;
}

function requireClientReference(id: string): Promise<unknown> {
  let module = loaded.get(id);
  if (!module) {
    const load = references[id];
    // In development, routes compiled after this page loaded bring client components the entry's
    // table does not list; the dev client fetches the current table.
    const devLoad = (globals.__nexxo_dev_reference as ((id: string) => Promise<unknown>) | undefined)?.bind(null, id);
    if (!load && !devLoad) throw new Error(`Unknown client component "${id}": the page and the build disagree. Reload the page; if it persists, rebuild the app.`);
    module = load ? load() : devLoad!();
    loaded.set(id, module);
  }
  return module;
}

// The build renames webpack's globals in React's code to these (see the compiler's webpackGlobals).
const require = Object.assign(requireClientReference, { u: (chunk: string) => chunk });
const loadChunk = () => Promise.resolve();
globals.__nexxo_client_require__ = require;
globals.__nexxo_client_chunk_load__ = loadChunk;
// In the browser, `nexxo dev` serves React pre-bundled, with webpack's own names.
if (typeof document !== 'undefined') {
  globals.__webpack_require__ = require;
  globals.__webpack_chunk_load__ = loadChunk;
}
