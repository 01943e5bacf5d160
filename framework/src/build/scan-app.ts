import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { NexxoBuildError, formatDiagnostic } from '@nexxo/compiler/errors';
import type { PatternPart } from '@nexxo/runtime';
import type { AppSegment, SegmentFileKind } from '../shared/app-module.js';
import { DEFAULT_PAGE_EXTENSIONS, isMarkdownExtension } from '../config/index.js';
import { metadataFileOf, metadataRouteId, type MetadataFile } from './metadata-files.js';

export interface ScannedSegment {
  name: string;
  param?: AppSegment['param'];
  /** Absolute paths of the segment's special files. */
  files: Partial<Record<SegmentFileKind, string>>;
  children: number[];
  /** Icons, Open Graph images, robots, sitemap and manifest files in the folder. */
  metadata: MetadataFile[];
  /** A segment the scan adds to serve one metadata file (its `route` is a generated module). */
  metadataRoute?: MetadataFile;
}

export interface ScannedRoute {
  id: string;
  type: 'page' | 'route';
  segments: number[];
  pattern: PatternPart[];
}

export interface ScannedApp {
  appDir: string;
  segments: ScannedSegment[];
  routes: ScannedRoute[];
}

const FILE_KINDS = new Set<SegmentFileKind>(['layout', 'page', 'template', 'loading', 'error', 'not-found', 'global-error', 'route']);

/**
 * The special file a name stands for (`page.mdx` → page, `page.page.tsx` with the extension
 * `page.tsx` → page), or null. Everything after the first dot is the extension.
 */
export function specialFileOf(name: string, pageExtensions: readonly string[]): { kind: SegmentFileKind; extension: string } | null {
  const dot = name.indexOf('.');
  const kind = name.slice(0, dot) as SegmentFileKind;
  const extension = name.slice(dot + 1);
  return dot > 0 && FILE_KINDS.has(kind) && pageExtensions.includes(extension) ? { kind, extension } : null;
}

/** `app/` or `src/app/`, whichever exists. */
export function findAppDir(root: string): string {
  for (const candidate of [join(root, 'app'), join(root, 'src', 'app')]) if (existsSync(candidate)) return candidate;
  throw new NexxoBuildError('NEXXO_NO_APP_DIR', formatDiagnostic(root, 'no `app/` (or `src/app/`) folder was found.', 'create app/layout.tsx and app/page.tsx, or run the command in your app\'s folder.'));
}

function parseParam(name: string, file: string): AppSegment['param'] | undefined {
  if (!name.startsWith('[')) return undefined;
  const match = /^\[(?:\[\.\.\.([A-Za-z_$][\w$-]*)\]|(\.\.\.)?([A-Za-z_$][\w$-]*))\]$/.exec(name);
  if (!match)
    throw new NexxoBuildError(
      'NEXXO_BAD_SEGMENT',
      formatDiagnostic(file, `the folder name "${name}" is not a valid dynamic segment.`, 'use [name] for one segment, [...name] for one or more, or [[...name]] for zero or more.'),
      { file },
    );
  if (match[1]) return { name: match[1], kind: 'optional-catch-all' };
  return { name: match[3]!, kind: match[2] ? 'catch-all' : 'dynamic' };
}

/**
 * Reads the `app/` folder into a segment tree and a route list, once per build. Everything a user
 * can get wrong in the tree's shape is reported here with the file and the fix.
 */
export function scanApp(root: string, pageExtensions: readonly string[] = DEFAULT_PAGE_EXTENSIONS): ScannedApp {
  const appDir = findAppDir(root);
  const segments: ScannedSegment[] = [];
  const display = (path: string) => relative(root, path).split(sep).join('/');

  const visit = (dir: string, name: string): number => {
    const index = segments.length;
    const segment: ScannedSegment = { name, param: parseParam(name, display(dir)), files: {}, children: [], metadata: [] };
    segments.push(segment);
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const metadata = metadataFileOf(entry.name, join(dir, entry.name), index === 0);
      if (metadata) {
        segment.metadata.push(metadata);
        continue;
      }
      const special = specialFileOf(entry.name, pageExtensions);
      if (!special) continue;
      const base = special.kind;
      const file = join(dir, entry.name);
      // Markdown renders content; a layout's children, an error's reset() or a handler's Response are code.
      if (base !== 'page' && isMarkdownExtension(special.extension))
        throw new NexxoBuildError('NEXXO_MARKDOWN_SPECIAL_FILE', formatDiagnostic(display(file), `only pages can be MDX or markdown; a ${base} file must be a script.`, `rename it to ${base}.tsx (it can import and render an .mdx file), or to another name if it is not meant to be the segment's ${base}.`), { file });
      const existing = segment.files[base];
      if (existing)
        throw new NexxoBuildError('NEXXO_DUPLICATE_ROUTE_FILE', formatDiagnostic(display(file), `${display(existing)} is the ${base} of the same segment.`, 'keep one of the two files.'), { file });
      if (base === 'global-error' && index !== 0)
        throw new NexxoBuildError('NEXXO_NESTED_GLOBAL_ERROR', formatDiagnostic(display(file), 'global-error only works at the root of app/.', `move it to ${display(join(appDir, entry.name))}, or rename it to error.${special.extension} for a segment error boundary.`), { file });
      segment.files[base] = file;
    }
    if (segment.files.page && segment.files.route)
      throw new NexxoBuildError(
        'NEXXO_ROUTE_AND_PAGE',
        formatDiagnostic(display(segment.files.route), `${display(segment.files.page)} is in the same segment. One URL cannot be both a page and a route handler.`, 'move route.ts into its own folder (e.g. app/api/…/route.ts), or delete one of the two.'),
        { file: segment.files.route },
      );
    // Each metadata file is served by a route of its own, one URL part below the segment.
    for (const metadata of segment.metadata) {
      const taken = segment.metadata.find((other) => other !== metadata && other.name === metadata.name);
      if (taken)
        throw new NexxoBuildError('NEXXO_DUPLICATE_METADATA_FILE', formatDiagnostic(display(metadata.file), `${display(taken.file)} is served at the same URL.`, 'keep one of the two files.'), { file: metadata.file });
      segment.children.push(segments.length);
      segments.push({ name: metadata.name, files: { route: metadataRouteId(metadata) }, children: [], metadata: [], metadataRoute: metadata });
    }
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name.startsWith('_') || entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      if (entry.name.startsWith('@') || /^\(\.{1,3}\)/.test(entry.name))
        throw new NexxoBuildError(
          'NEXXO_UNSUPPORTED_SEGMENT',
          formatDiagnostic(display(join(dir, entry.name)), `${entry.name.startsWith('@') ? 'parallel routes (@slot folders)' : 'intercepting routes ((.)folder)'} are not supported by Nexxo yet.`, 'use a regular segment, or prefix the folder with _ to keep it out of routing.'),
        );
      segment.children.push(visit(join(dir, entry.name), entry.name));
    }
    return index;
  };
  visit(appDir, '');

  const routes: ScannedRoute[] = [];
  const byPath = new Map<string, string>();
  const collect = (index: number, chain: number[], pattern: PatternPart[]) => {
    const segment = segments[index]!;
    const here = [...chain, index];
    const parts: PatternPart[] = [...pattern];
    if (index !== 0 && !(segment.name.startsWith('(') && segment.name.endsWith(')'))) {
      parts.push(segment.param ? { kind: segment.param.kind, name: segment.param.name } : { kind: 'static', value: segment.name });
    }
    const leaf = segment.files.page ?? segment.files.route;
    if (leaf) {
      const id = '/' + parts.map((part) => (part.kind === 'static' ? part.value : part.kind === 'dynamic' ? `[${part.name}]` : part.kind === 'catch-all' ? `[...${part.name}]` : `[[...${part.name}]]`)).join('/');
      const shape = parts.map((part) => (part.kind === 'static' ? part.value : `[${part.kind}]`)).join('/');
      const clash = byPath.get(shape);
      if (clash)
        throw new NexxoBuildError('NEXXO_CONFLICTING_ROUTES', formatDiagnostic(display(leaf), `it resolves to the same URL as ${clash}.`, 'route groups do not change the URL: rename or remove one of the two.'), { file: leaf });
      byPath.set(shape, display(leaf));
      const names = parts.flatMap((part) => (part.kind === 'static' ? [] : [part.name]));
      if (new Set(names).size !== names.length)
        throw new NexxoBuildError('NEXXO_DUPLICATE_PARAM', formatDiagnostic(display(leaf), `the route ${id} uses the same param name twice.`, 'give each dynamic segment on the path its own name.'), { file: leaf });
      const catchAll = parts.findIndex((part) => part.kind === 'catch-all' || part.kind === 'optional-catch-all');
      if (catchAll !== -1 && catchAll !== parts.length - 1)
        throw new NexxoBuildError('NEXXO_CATCH_ALL_NOT_LAST', formatDiagnostic(display(leaf), `in ${id} a catch-all segment is followed by more segments.`, 'a catch-all must be the last segment of a route.'), { file: leaf });
      if (segment.files.page && !here.some((position) => segments[position]!.files.layout))
        throw new NexxoBuildError(
          'NEXXO_MISSING_ROOT_LAYOUT',
          formatDiagnostic(display(leaf), 'this page has no root layout.', `create ${display(join(appDir, 'layout.tsx'))} that renders <html> and <body>:\n\n    export default function RootLayout({ children }: { children: React.ReactNode }) {\n      return <html lang="en"><body>{children}</body></html>;\n    }`),
          { file: leaf },
        );
      routes.push({ id, type: segment.files.page ? 'page' : 'route', segments: here, pattern: parts });
    }
    for (const child of segment.children) collect(child, here, parts);
  };
  collect(0, [], []);
  return { appDir, segments, routes };
}
