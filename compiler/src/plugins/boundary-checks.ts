import type { Plugin, PluginContext } from 'rolldown';
import type { Environment } from '../build-environments.js';
import { langOf, scriptFilePattern } from '../client-reference-id.js';
import { readModuleDirective } from '../directives.js';
import { NexxoBuildError } from '../errors.js';
import { displayPath, entersApp, formatImportChain, importChain, importersIn } from '../import-chain.js';
import { tryParse } from './client-references.js';

type Marker = 'server-only' | 'client-only';

/**
 * The marker package an environment must not reach. ssr renders client components, which may not
 * import server-only code either; the client build has the same modules and reports it once.
 */
const forbiddenIn: Record<Environment, Marker | null> = { rsc: 'client-only', client: 'server-only', ssr: null };
const markerId = (marker: Marker) => `\0nexxo:${marker}`;

/**
 * `import 'server-only'` / `import 'client-only'` (the packages Next.js apps use to mark a module)
 * fail the build with the chain of imports that brought the module to the wrong side, instead of
 * the package's own "This module cannot be imported from a Client Component module" at run time.
 * Both resolve to an empty module in every environment, after the check: the real `server-only`
 * throws unless bundled with the `react-server` condition (so the ssr build would crash), and an
 * app need not install either package.
 */
export function boundaryChecksPlugin(options: { environment: Environment; isAppFile: (id: string) => boolean }): Plugin {
  let root = '';
  return {
    name: 'nexxo:boundary-checks',
    buildStart(inputOptions) {
      root = inputOptions.cwd;
    },
    resolveId: {
      filter: { id: /^(?:server|client)-only$/ },
      handler(source) {
        return markerId(source as Marker);
      },
    },
    load: {
      filter: { id: /^\0nexxo:(?:server|client)-only$/ },
      handler() {
        return { code: 'export {};\n', moduleSideEffects: false };
      },
    },
    buildEnd(error) {
      const marker = forbiddenIn[options.environment];
      // A build that already failed reports that failure; the graph may be incomplete anyway.
      if (error || !marker) return;
      const info = this.getModuleInfo(markerId(marker));
      if (!info) return;
      const name = (id: string) => displayPath(root, id);
      const offenders = [...new Set([...info.importers, ...info.dynamicImporters])].sort((a, b) => name(a).localeCompare(name(b)));
      if (offenders.length === 0) return;
      const importersOf = importersIn((id) => this.getModuleInfo(id));
      const isEntry = (id: string) => this.getModuleInfo(id)?.isEntry ?? false;
      const startsApp = (id: string) => entersApp(id, importersOf, isEntry, options.isAppFile);
      const messages = offenders.map((offender) => {
        if (marker === 'client-only') return clientOnlyMessage(importChain(offender, importersOf, startsApp), name);
        const useClient = (id: string) => isUseClient(this, id);
        const chain = importChain(offender, importersOf, (id) => useClient(id) || startsApp(id));
        const label = (id: string) => name(id) + (useClient(id) ? ' ("use client")' : isEntry(id) ? ' (client entry)' : '');
        return serverOnlyMessage(chain, name, label, useClient(offender));
      });
      throw new NexxoBuildError(marker === 'server-only' ? 'NEXXO_SERVER_ONLY_IN_CLIENT' : 'NEXXO_CLIENT_ONLY_IN_SERVER', messages.join('\n\n'), { file: offenders[0] });
    },
  };
}

function serverOnlyMessage(chain: string[], name: (id: string) => string, label: (id: string) => string, offenderIsClient: boolean): string {
  const offender = name(chain.at(-1)!);
  if (chain.length === 1 && offenderIsClient) {
    return `${offender} imports "server-only", but it is a client component ("use client").\nFix: remove "use client" from ${offender}, or move the code that needs the server into a server component and pass its data to this component as props.`;
  }
  return `${offender} imports "server-only", but it is imported by client code:\n${formatImportChain(chain, label)}\nFix: import ${offender} only from server components, or pass its data to the client component as props.`;
}

function clientOnlyMessage(chain: string[], name: (id: string) => string): string {
  const offender = name(chain.at(-1)!);
  if (chain.length === 1) {
    return `${offender} imports "client-only", but it is a server component.\nFix: add "use client" at the top of ${offender}.`;
  }
  return `${offender} imports "client-only", but it is imported by a server component:\n${formatImportChain(chain, name)}\nFix: import ${offender} only from client components: add "use client" to the component that needs it, or move that part into its own client component.`;
}

/** Only asked on the error path, for the few modules of a chain. */
function isUseClient(context: PluginContext, id: string): boolean {
  const code = context.getModuleInfo(id)?.code;
  if (!code || !scriptFilePattern.test(id) || !code.includes('use client')) return false;
  const program = tryParse(() => context.parse(code, { lang: langOf(id) }));
  return program !== null && readModuleDirective(program) === 'use client';
}
