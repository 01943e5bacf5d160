import type { Plugin } from 'rolldown';
import { clientReferenceId, langOf, scriptFilePattern } from '../client-reference-id.js';
import { leadingDirective, readModuleDirective } from '../directives.js';
import { listExports } from '../module-exports.js';

export interface ClientReference {
  /** Id used in the RSC payload and by `__webpack_require__`. */
  id: string;
  /** Absolute path of the "use client" module. */
  file: string;
  exports: string[];
}

export interface ClientReferencesOptions {
  root: string;
  /** Module that exports `registerClientReference` from the same react-server-dom build the rsc entry renders with. */
  registerModule: string;
  /** Filled during the rsc build; read by the client and ssr builds. */
  references: Map<string, ClientReference>;
  /** Lets the framework check a client module (e.g. a client `page` exporting `metadata`). */
  onClientModule?: (reference: ClientReference, error: (message: string) => never) => void;
}

/**
 * rsc environment: a module starting with "use client" is replaced by client references, one per
 * export. Its code never runs on the server's react-server graph; the ssr and client builds load
 * it by id instead.
 */
export function clientReferencesPlugin(options: ClientReferencesOptions): Plugin {
  return {
    name: 'nexxo:client-references',
    transform: {
      // Filters run in Rolldown: modules without the directive never cross into JavaScript.
      filter: { id: { include: scriptFilePattern, exclude: /^\0/ }, code: 'use client' },
      handler(code, id) {
        if (leadingDirective(code) !== 'use client') return null;
        const program = tryParse(() => this.parse(code, { lang: langOf(id) }));
        // Unparsable: Rolldown's own parser reports it next, with the file, line and code frame.
        if (!program) return null;
        if (readModuleDirective(program) !== 'use client') return null;
        const reference: ClientReference = { id: clientReferenceId(options.root, id), file: id, exports: listExports(program, id) };
        options.onClientModule?.(reference, (message) => this.error(message));
        options.references.set(reference.id, reference);
        return { code: clientProxyModule(reference, options.registerModule), map: null, moduleSideEffects: false };
      },
    },
  };
}

/** Parses, or returns null so the bundler's own parse error (with a code frame) is what the user sees. */
export function tryParse(parse: () => unknown): any {
  try {
    return parse();
  } catch {
    return null;
  }
}

function clientProxyModule(reference: ClientReference, registerModule: string): string {
  const lines = [`import { registerClientReference } from ${JSON.stringify(registerModule)};`];
  reference.exports.forEach((name, index) => {
    const local = `$$reference${index}`;
    const message = `Attempted to call ${name === 'default' ? 'the default export' : name}() of ${reference.file} from the server, but it is a client module ("use client"). Render it as a component (<${name === 'default' ? 'Component' : name} />) or move the function to a module without "use client".`;
    lines.push(
      `const ${local} = registerClientReference(function () { throw new Error(${JSON.stringify(message)}); }, ${JSON.stringify(reference.id)}, ${JSON.stringify(name)});`,
      name === 'default' ? `export default ${local};` : `export { ${local} as ${JSON.stringify(name)} };`,
    );
  });
  return lines.join('\n');
}

/** The module the client and ssr builds use to load client references by id. */
export function clientReferencesModule(references: Iterable<ClientReference>): string {
  const entries = [...references].map((reference) => `  ${JSON.stringify(reference.id)}: () => import(${JSON.stringify(reference.file)}),`);
  return `export default {\n${entries.join('\n')}\n};\n`;
}
