import { loadRolldown } from '@nexxo/native';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { CONDITION_NAMES, prebundledPlugin, webpackGlobals } from '../build-environments.js';
import { clientReferencesPlugin, type ClientReference } from '../plugins/client-references.js';
import { generatedExports, slotSource } from '../plugins/live-modules.js';
import { SERVER_ACTIONS_MODULE, serverActionsModule } from '../plugins/server-references.js';
import { virtualModulesPlugin } from '../plugins/virtual-modules.js';

export interface RuntimePrebundleOptions {
  root: string;
  /** The rsc build's dependency folder (`server/deps/rsc`): React's bundles are there too. */
  outDir: string;
  /** The runtime's modules that code outside it imports (its entry, `nexxo/*`, helpers of generated code). */
  entries: string[];
  /** Package specifiers (`nexxo/link`, `next/link`) of entries, by the entry file they import. */
  specifiers: Map<string, string>;
  /** The generated modules the runtime imports, by id, as an example of each (for their export names). */
  generated: Record<string, string>;
  /** Module exporting `registerClientReference` (one of `entries`). */
  registerClientReferenceModule: string;
  /** React and friends, pre-bundled for rsc (see prebundleDeps): the runtime imports those. */
  prebundled: Map<string, string>;
  define?: Record<string, string>;
  /** The bundle in `outDir` is of this runtime (restored with a cached build): used as it is. */
  reuseWritten?: boolean;
}

export interface PrebundledRuntime {
  /** What the app's rsc build imports instead: by file, specifier and generated module id. */
  imports: Map<string, string>;
  /** The runtime's own client components ("use client"), which the app's other builds must load by id. */
  references: Promise<ClientReference[]>;
  done: Promise<void>;
}


/**
 * Development: Nexxo's server runtime, bundled once per dev server for the rsc environment, so an
 * edit's rsc rebuild bundles the app's modules only (the runtime alone is ~20 ms of Rolldown's time
 * on each rebuild on the development machine), and Node keeps the runtime it evaluated, warm.
 *
 * The generated modules it reads (route table, middleware, server action table, image loader) are
 * slots here (see live-modules.ts): each app build's entry fills them with its own.
 */
export function prebundleServerRuntime(options: RuntimePrebundleOptions): PrebundledRuntime {
  const generated = { ...options.generated, [SERVER_ACTIONS_MODULE]: serverActionsModule(options.root, '', []) };
  // Named after what the runtime is compiled with: Node keeps a module it loaded by its URL, so the
  // runtime bundled again for other settings (say, a new base path) must have other file names.
  const tag = createHash('sha256').update(JSON.stringify(options.define ?? {})).digest('base64url').slice(0, 8).replace(/[^\w]/g, '_');
  const inputs = new Map<string, string>();
  options.entries.forEach((entry, index) => inputs.set(entry, `nexxo_${basename(entry, extname(entry)).replace(/[^\w]+/g, '_')}_${index}_${tag}`));
  Object.keys(generated).forEach((id, index) => inputs.set(id, `nexxo_slot_${id.replace(/^virtual:nexxo\//, '').replace(/[^\w]+/g, '_')}_${index}_${tag}`));
  const imports = new Map([...inputs].map(([entry, name]) => [entry, join(options.outDir, `${name}.js`)]));
  for (const [specifier, file] of options.specifiers) imports.set(specifier, imports.get(file)!);
  const referencesFile = join(options.outDir, `nexxo_references_${tag}.json`);
  const written = options.reuseWritten === true && existsSync(referencesFile) && [...imports.values()].every((file) => existsSync(file));
  const references = written ? Promise.resolve(JSON.parse(readFileSync(referencesFile, 'utf8')) as ClientReference[]) : writeRuntime(options, inputs, generated, referencesFile);
  return { imports, references, done: references.then(() => undefined) };
}

async function writeRuntime(options: RuntimePrebundleOptions, inputs: Map<string, string>, generated: Record<string, string>, referencesFile: string): Promise<ClientReference[]> {
  const { rolldown } = await loadRolldown();
  const references = new Map<string, ClientReference>();
  const slots = Object.fromEntries(Object.entries(generated).map(([id, code]) => [id, slotSource(generatedExports(id, code))]));
  const bundle = await rolldown({
    cwd: options.root,
    input: Object.fromEntries([...inputs].map(([entry, name]) => [name, entry])),
    platform: 'node',
    resolve: { conditionNames: CONDITION_NAMES.rsc },
    transform: { jsx: { runtime: 'automatic', development: true }, define: { ...options.define, ...webpackGlobals('rsc'), 'process.env.NODE_ENV': '"development"' } },
    plugins: [
      virtualModulesPlugin(slots),
      prebundledPlugin(options.prebundled, options.outDir),
      clientReferencesPlugin({ root: options.root, registerModule: options.registerClientReferenceModule, references }),
    ],
    logLevel: 'silent',
  });
  try {
    await bundle.write({ dir: options.outDir, format: 'esm', entryFileNames: '[name].js', chunkFileNames: 'nexxo-runtime-[hash].js' });
  } finally {
    await bundle.close();
  }
  const list = [...references.values()];
  writeFileSync(referencesFile, JSON.stringify(list));
  return list;
}
