import { listExports } from '../module-exports.js';
import { parseModule } from '../parse-module.js';

/**
 * Development only: lets the server runtime stay in a chunk whose content does not change from one
 * rebuild to the next (Node then keeps the evaluated module, and V8 its compiled code), although
 * the runtime imports modules generated for each build (the route table, the server action table).
 *
 * Each generated module is split in two:
 * - a *slot* under its own id, with the same export names as live bindings and a function that
 *   sets them. Its code depends on the export names only, so it can sit in the stable chunk;
 * - the generated code itself, under the id plus {@link BUILD_SUFFIX}, in the build's own chunk.
 *
 * The build's entry (see {@link liveEntrySource}) fills every slot with its build's values before
 * the runtime can be called, then re-exports the real entry. The runtime must therefore read the
 * generated values when it is called, not when its module is evaluated.
 */
export const BUILD_SUFFIX = '?build';
export const LIVE_ENTRY = 'virtual:nexxo/live-entry';
const FILL = '__nexxoFill';

/** The slot of a generated module with these exports. */
export function slotSource(exportNames: string[]): string {
  const locals = exportNames.map((name, index) => [name, `slot${index}`] as const);
  const declarations = locals.map(([, local]) => `let ${local};`).join('\n');
  const exported = locals.map(([name, local]) => `${local} as ${name}`).join(', ');
  const assignments = locals.map(([name, local]) => `  ${local} = values[${JSON.stringify(name)}];`).join('\n');
  return `${declarations}\nexport { ${exported} };\nexport function ${FILL}(values) {\n${assignments}\n}\n`;
}

/** Export names of generated module code. */
export function generatedExports(id: string, code: string): string[] {
  return listExports(parseModule(code, `${id}.js`) as { body: { type: string }[] }, id);
}

/** The entry of a live build: fills each slot with the generated module's values, then is `entry`. */
export function liveEntrySource(ids: string[], entry: string): string {
  const lines = ids.flatMap((id, index) => [
    `import { ${FILL} as fill${index} } from ${JSON.stringify(id)};`,
    `import * as values${index} from ${JSON.stringify(id + BUILD_SUFFIX)};`,
  ]);
  const fills = ids.map((_, index) => `fill${index}(values${index});`);
  return [...lines, ...fills, `export * from ${JSON.stringify(entry)};`, ''].join('\n');
}

type GeneratedModules = Record<string, string | (() => string)>;

/**
 * `modules` as slots and build modules, with the live entry of `entry` (see the top of this file).
 * `slotsElsewhere`: the slots are not served here (a pre-bundled runtime has them).
 */
export function liveModules(modules: GeneratedModules, entry: string, slotsElsewhere = false): { modules: GeneratedModules; slotIds: Set<string> } {
  const live: GeneratedModules = { [LIVE_ENTRY]: liveEntrySource(Object.keys(modules), entry) };
  for (const [id, module] of Object.entries(modules)) {
    if (!slotsElsewhere) live[id] = () => slotSource(generatedExports(id, typeof module === 'function' ? module() : module));
    live[id + BUILD_SUFFIX] = module;
  }
  return { modules: live, slotIds: new Set(Object.keys(modules)) };
}
