import type { Plugin } from 'rolldown';
import { langOf, scriptFilePattern } from '../client-reference-id.js';
import { readModuleDirective } from '../directives.js';
import { formatDiagnostic } from '../errors.js';
import { displayPath, entersApp, formatImportChain, importChain, importersIn } from '../import-chain.js';
import { tryParse } from './client-references.js';

/** APIs that only exist in client components, by the module they are imported from. */
const clientOnlyImports: Record<string, Set<string>> = {
  react: new Set([
    'useState', 'useReducer', 'useEffect', 'useLayoutEffect', 'useInsertionEffect', 'useRef', 'useContext',
    'useImperativeHandle', 'useSyncExternalStore', 'useTransition', 'useDeferredValue', 'useOptimistic',
    'useActionState', 'createContext', 'Component', 'PureComponent',
  ]),
  'react-dom': new Set(['useFormStatus', 'useFormState']),
  'nexxo/navigation': new Set(['useRouter', 'usePathname', 'useSearchParams', 'useParams', 'useSelectedLayoutSegment', 'useSelectedLayoutSegments']),
  'next/navigation': new Set(['useRouter', 'usePathname', 'useSearchParams', 'useParams', 'useSelectedLayoutSegment', 'useSelectedLayoutSegments']),
};
/** Worth parsing a server component for: it may use a hook, createContext or a class component. */
const HOOK_OR_CLASS = /\buse[A-Z]|createContext|Component\b/;
const namespaceCall = /\b([A-Za-z_$][\w$]*)\.(use[A-Z]\w*|createContext)\s*\(/g;

/** A client-only API found in a server component, reported once the import graph is known. */
interface HookUse {
  file: string;
  name: string;
  source: string;
  line: number;
}

/**
 * rsc environment: a server component (a module of the app without "use client") that uses a
 * client-only hook fails the build with the file, the hook and the fix, instead of failing at
 * request time with "useState is not a function". When the component is not a route file, the
 * message also shows the imports from the route file that made it a server component; those are
 * only known at the end of the build, so uses are collected first and reported in `buildEnd`.
 */
export function serverComponentChecksPlugin(options: { isAppFile: (id: string) => boolean }): Plugin {
  let root = '';
  let uses = new Map<string, HookUse>();
  return {
    name: 'nexxo:server-component-checks',
    buildStart(inputOptions) {
      root = inputOptions.cwd;
      uses = new Map();
    },
    buildEnd(error) {
      // A build that already failed reports that failure; the graph may be incomplete anyway.
      if (error || uses.size === 0) return;
      const importersOf = importersIn((id) => this.getModuleInfo(id));
      const isEntry = (id: string) => this.getModuleInfo(id)?.isEntry ?? false;
      const name = (id: string) => displayPath(root, id);
      const messages = [...uses.values()]
        .sort((a, b) => name(a.file).localeCompare(name(b.file)))
        .map((use) => hookMessage(use, importChain(use.file, importersOf, (id) => entersApp(id, importersOf, isEntry, options.isAppFile)), name));
      this.error(messages.join('\n\n'));
    },
    transform: {
      filter: { id: { include: scriptFilePattern, exclude: [/^\0/, /[\\/]node_modules[\\/]/] }, code: HOOK_OR_CLASS },
      handler(code, id) {
        if (!options.isAppFile(id)) return null;
        const program = tryParse(() => this.parse(code, { lang: langOf(id) }));
        if (!program || readModuleDirective(program) !== null) return null;
        const namespaces = new Map<string, string>();
        for (const statement of program.body) {
          if (statement.type !== 'ImportDeclaration' || statement.importKind === 'type') continue;
          const source = statement.source.value as string;
          const forbidden = clientOnlyImports[source];
          if (!forbidden) continue;
          for (const specifier of statement.specifiers) {
            if (specifier.type === 'ImportSpecifier') {
              if (specifier.importKind === 'type') continue;
              const name = specifier.imported.name ?? specifier.imported.value;
              if (forbidden.has(name)) return record(id, name, source, code, specifier.start);
            } else {
              namespaces.set(specifier.local.name, source);
            }
          }
        }
        if (namespaces.size > 0) {
          for (const match of code.matchAll(namespaceCall)) {
            const source = namespaces.get(match[1]!);
            if (source && clientOnlyImports[source]!.has(match[2]!)) return record(id, match[2]!, source, code, match.index);
          }
        }
        return null;
      },
    },
  };

  // The first use per file is enough to point the user at it.
  function record(file: string, name: string, source: string, code: string, offset: number): null {
    uses.set(file, { file, name, source, line: code.slice(0, offset).split('\n').length });
    return null;
  }
}

function hookMessage(use: HookUse, chain: string[], name: (id: string) => string): string {
  const through = chain.length > 1 ? `, imported through:\n${formatImportChain(chain, name, '    ')}` : '.';
  return formatDiagnostic(
    `${name(use.file)}:${use.line}`,
    `\`${use.name}\` from "${use.source}" only works in a client component, but this module is a server component${through}`,
    `add "use client" at the top of this file, or move the part that needs \`${use.name}\` into its own client component and render that here.`,
  );
}
