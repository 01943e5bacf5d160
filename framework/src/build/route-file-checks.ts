import { NexxoBuildError, exactly, formatDiagnostic, listExports, parseModule, tryParse, type ClientReference, type Plugin } from '@nexxo/compiler';
import { relative, sep } from 'node:path';
import type { SegmentFileKind } from '../shared/app-module.js';
import type { ScannedApp } from './scan-app.js';

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const SERVER_ONLY_EXPORTS = [
  'metadata', 'generateMetadata', 'generateStaticParams', 'viewport', 'generateViewport',
  // Route segment config is read on the server; a client module's exports are only references there.
  'dynamic', 'dynamicParams', 'revalidate', 'fetchCache', 'runtime', 'preferredRegion', 'maxDuration',
];
const MUST_BE_CLIENT = new Set<SegmentFileKind>(['error', 'global-error']);

/**
 * Checks what each route file exports, at build time: a missing default export, a route handler
 * without a method, an `error` file that is not a client component, a client page that exports
 * server-only things. Each error names the file and the fix.
 */
export function routeFileChecks(root: string, app: ScannedApp) {
  const kinds = new Map<string, SegmentFileKind>();
  for (const segment of app.segments) for (const [kind, file] of Object.entries(segment.files)) kinds.set(file, kind as SegmentFileKind);
  const clientFiles = new Set<string>();
  const display = (file: string) => relative(root, file).split(sep).join('/');

  /** For the compiler's client-reference hook: runs on the original source of "use client" route files. */
  const onClientModule = (reference: ClientReference, error: (message: string) => never) => {
    clientFiles.add(reference.file);
    const kind = kinds.get(reference.file);
    if (!kind) return;
    const serverOnly = reference.exports.filter((name) => SERVER_ONLY_EXPORTS.includes(name));
    if (serverOnly.length > 0)
      error(
        formatDiagnostic(
          display(reference.file),
          `this ${kind} is a client component ("use client") and exports ${serverOnly.map((name) => `\`${name}\``).join(', ')}, which only server components can export.`,
          `remove "use client" from this ${kind} and move the interactive part into its own client component, or move ${serverOnly.join(', ')} to a server layout.`,
        ),
      );
  };

  const plugin: Plugin = {
    name: 'nexxo:route-file-checks',
    transform: {
      filter: { id: exactly([...kinds.keys()].map((file) => file.split(sep).join('/'))) },
      handler(code, id) {
        const kind = kinds.get(id);
        if (!kind) return null;
        const program = tryParse(() => parseModule(code, id));
        if (!program) return null;
        const exports = listExports(program, id);
        const fail = (reason: string, fix: string): never => {
          throw new NexxoBuildError('NEXXO_ROUTE_FILE', formatDiagnostic(display(id), reason, fix), { file: id });
        };
        if (kind === 'route') {
          if (!exports.some((name) => HTTP_METHODS.includes(name)))
            fail('this route handler exports no HTTP method.', 'export a function per method, e.g. `export async function GET(request: Request) { return Response.json({ ok: true }) }`.');
          if (exports.includes('default')) fail('a route handler cannot have a default export.', 'export named functions for each HTTP method (GET, POST, …) instead.');
          return null;
        }
        if (!exports.includes('default'))
          fail(`this ${kind} has no default export.`, `export its component as default, e.g. \`export default function ${componentName(kind)}() { … }\`.`);
        if (MUST_BE_CLIENT.has(kind) && !clientFiles.has(id))
          fail(`an ${kind} file must be a client component: it receives the error and a reset() function from the browser.`, 'add "use client" as the first line of the file.');
        return null;
      },
    },
  };
  return { plugin, onClientModule };
}

function componentName(kind: SegmentFileKind): string {
  return kind
    .split('-')
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}
