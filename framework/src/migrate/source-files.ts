import { rewriteAsyncRequestApis, rewriteNextImports, SUPPORTED_NEXT_MODULES, type CodemodResult } from './codemods/index.js';
import { unsupportedAdvice } from './codemods/next-modules.js';
import { children, child, lineAt, parseProgram, requiredModule, stringValue, walk, type Node } from './estree.js';
import { nexxoExportNames } from './nexxo-export-names.js';
import type { MigrationPlan } from './plan.js';
import type { MigrationReport } from './report.js';

export interface SourceFilesOptions {
  rewriteImports: boolean;
  read(file: string): Promise<string>;
  plan: MigrationPlan;
  report: MigrationReport;
}

/**
 * Runs each source file through the codemods (the async request APIs always, `next/*` → `nexxo/*`
 * with --rewrite-imports) and reports imports of `next/*` modules Nexxo does not provide. A file
 * that does not parse is reported and left alone.
 */
export async function migrateSourceFiles(files: string[], options: SourceFilesOptions): Promise<void> {
  const { plan, report } = options;
  for (const file of files) {
    const source = await options.read(file);
    reportUseCache(source, file, report);
    if (!/\bnext\b|params|headers|cookies|draftMode/.test(source)) continue;
    let code = source;
    const results: CodemodResult[] = [];
    try {
      // Imports first: they only change strings, so line numbers stay those of the original.
      if (options.rewriteImports) results.push(rewriteNextImports(code, file));
      code = results.at(-1)?.code ?? code;
      results.push(rewriteAsyncRequestApis(code, file));
      code = results.at(-1)!.code;
    } catch (error) {
      report.attention(file, `was left unchanged: it could not be parsed (${(error as Error).message.split('\n')[0]}). Fix it and run \`nexxo migrate\` again, or update it by hand.`);
      continue;
    }
    const blocked = scanNextImports(source, file, report);
    for (const line of await scanImportedNames(source, file, report)) blocked.add(line);
    for (const result of results) {
      for (const change of result.changes) report.rewritten(file, change.line, change.message);
      for (const warning of result.warnings) if (!blocked.has(warning.line)) report.attention(file, warning.message, warning.line);
    }
    plan.change(file, source, code);
  }
}

/** Reports imports of unsupported `next/*` modules as blocking; returns their lines. */
function scanNextImports(source: string, file: string, report: MigrationReport): Set<number> {
  const lines = new Set<number>();
  let imports: ReturnType<typeof nextImports>;
  try {
    imports = nextImports(source, file);
  } catch {
    return lines;
  }
  for (const { specifier, node, typeOnly } of imports) {
    if (specifier === 'next' || SUPPORTED_NEXT_MODULES[specifier.replace(/\.js$/, '')]) continue;
    const line = lineAt(source, node.start);
    const advice = unsupportedAdvice(specifier) ?? 'find an equivalent among the `next/*` modules Nexxo supports (see docs/migrate.md), or remove it';
    if (typeOnly) report.attention(file, `\`${specifier}\` is imported for its types only; Nexxo does not provide it: ${advice}.`, line);
    else report.blocking(file, `\`${specifier}\` is not provided by Nexxo: ${advice}.`, line);
    lines.add(line);
  }
  return lines;
}

/**
 * Names imported from supported `next/*` modules that Nexxo's module does not export (newer or
 * rarer APIs such as `after`, `cacheLife`, `useSelectedLayoutSegment`): the build would fail on
 * them, so they block. Type-only imports are left alone: the compiler drops them.
 */
async function scanImportedNames(source: string, file: string, report: MigrationReport): Promise<number[]> {
  const lines: number[] = [];
  let program: Node;
  try {
    program = parseProgram(source, file);
  } catch {
    return lines;
  }
  for (const node of children(program, 'body')) {
    if (node.type !== 'ImportDeclaration' || node.importKind === 'type') continue;
    const specifier = stringValue(child(node, 'source'))?.replace(/\.js$/, '');
    const target = specifier ? SUPPORTED_NEXT_MODULES[specifier] : undefined;
    if (!target) continue;
    const exported = await nexxoExportNames(target);
    if (!exported) continue;
    for (const item of children(node, 'specifiers')) {
      if (item.type !== 'ImportSpecifier' || item.importKind === 'type') continue;
      const imported = child(item, 'imported');
      const name = imported ? (stringValue(imported) ?? (imported.name as string | undefined)) : undefined;
      if (!name || exported.has(name) || KNOWN_TYPE_NAMES.has(name)) continue;
      const line = lineAt(source, item.start);
      report.blocking(file, `\`${name}\` from \`${specifier}\` is not provided by Nexxo (${target} exports ${[...exported].sort().join(', ')}): replace it, or remove its use.`, line);
      lines.push(line);
    }
  }
  return lines;
}

/** `'use cache'` directives: Nexxo ignores them, so what they cache runs on every call. */
function reportUseCache(source: string, file: string, report: MigrationReport): void {
  for (const match of source.matchAll(/^[ \t]*(['"])use cache(?::\s*[\w-]+)?\1/gm)) {
    report.attention(file, `\`${match[0].trim()}\` is not supported by Nexxo and is ignored: the code runs on every call, uncached. Cache with \`unstable_cache\` or \`fetch(…, { next: { revalidate } })\` instead (see docs/caching.md).`, lineAt(source, match.index!));
  }
}

/** Names Next.js exports only as types: an import of them without `type` still compiles away. */
const KNOWN_TYPE_NAMES = new Set(['NextMiddleware', 'MiddlewareConfig', 'NextFetchEvent', 'NextConfig', 'Metadata', 'Viewport', 'ResolvingMetadata', 'ResolvingViewport', 'MetadataRoute', 'ImageProps', 'LinkProps', 'ScriptProps', 'DynamicOptions', 'ImageLoader', 'ImageLoaderProps', 'StaticImageData']);

/** Every `next` / `next/*` module the file loads: imports, re-exports, `import()`, `require()`. */
function nextImports(source: string, file: string): { specifier: string; node: Node; typeOnly: boolean }[] {
  const found: { specifier: string; node: Node; typeOnly: boolean }[] = [];
  walk(parseProgram(source, file), (node) => {
    let specifier: string | null = null;
    let typeOnly = false;
    if (node.type === 'ImportDeclaration' || node.type === 'ExportNamedDeclaration' || node.type === 'ExportAllDeclaration') {
      specifier = stringValue(child(node, 'source'));
      const specifiers = children(node, 'specifiers');
      typeOnly = node.importKind === 'type' || node.exportKind === 'type' || (specifiers.length > 0 && specifiers.every((item) => item.importKind === 'type' || item.exportKind === 'type'));
    } else if (node.type === 'ImportExpression') {
      specifier = stringValue(child(node, 'source'));
    } else if (node.type === 'CallExpression') {
      specifier = requiredModule(node);
    } else if (node.type === 'TSImportType') {
      specifier = stringValue(child(node, 'argument')) ?? stringValue(child(child(node, 'argument') ?? node, 'literal'));
      typeOnly = true;
    }
    if (specifier && (specifier === 'next' || specifier.startsWith('next/'))) found.push({ specifier, node, typeOnly });
  });
  return found;
}
