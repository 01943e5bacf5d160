import type { Plugin } from 'rolldown';
import { langOf, scriptFilePattern } from '../client-reference-id.js';
import { readModuleDirective } from '../directives.js';
import { formatDiagnostic } from '../errors.js';
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
const namespaceCall = /\b([A-Za-z_$][\w$]*)\.(use[A-Z]\w*|createContext)\s*\(/g;

/**
 * rsc environment: a server component (a module of the app without "use client") that uses a
 * client-only hook fails the build with the file, the hook and the fix, instead of failing at
 * request time with "useState is not a function".
 */
export function serverComponentChecksPlugin(options: { isAppFile: (id: string) => boolean }): Plugin {
  return {
    name: 'nexxo:server-component-checks',
    transform: {
      filter: { id: scriptFilePattern },
      handler(code, id) {
        if (id.startsWith('\0') || !options.isAppFile(id) || !/\buse[A-Z]|createContext|Component\b/.test(code)) return null;
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
              if (forbidden.has(name)) this.error(hookMessage(id, name, source, code, specifier.start));
            } else {
              namespaces.set(specifier.local.name, source);
            }
          }
        }
        if (namespaces.size > 0) {
          for (const match of code.matchAll(namespaceCall)) {
            const source = namespaces.get(match[1]!);
            if (source && clientOnlyImports[source]!.has(match[2]!)) this.error(hookMessage(id, match[2]!, source, code, match.index));
          }
        }
        return null;
      },
    },
  };
}

function hookMessage(file: string, name: string, source: string, code: string, offset: number): string {
  const line = code.slice(0, offset).split('\n').length;
  return formatDiagnostic(
    `${file}:${line}`,
    `\`${name}\` from "${source}" only works in a client component, but this module is a server component.`,
    `add "use client" at the top of this file, or move the part that needs \`${name}\` into its own client component and render that here.`,
  );
}
