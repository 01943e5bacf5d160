import { rewriteAsyncRequestApis, rewriteNextImports, SUPPORTED_NEXT_MODULES, UNSUPPORTED_NEXT_MODULES, type CodemodResult } from './codemods/index.js';
import { children, child, lineAt, parseProgram, requiredModule, stringValue, walk, type Node } from './estree.js';
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
    const advice = adviceFor(specifier) ?? 'find an equivalent among the `next/*` modules Nexxo supports (see docs/migrate.md), or remove it';
    if (typeOnly) report.attention(file, `\`${specifier}\` is imported for its types only; Nexxo does not provide it: ${advice}.`, line);
    else report.blocking(file, `\`${specifier}\` is not provided by Nexxo: ${advice}.`, line);
    lines.add(line);
  }
  return lines;
}

function adviceFor(specifier: string): string | undefined {
  for (let path = specifier.replace(/\.js$/, ''); path.includes('/'); path = path.slice(0, path.lastIndexOf('/'))) {
    if (UNSUPPORTED_NEXT_MODULES[path]) return UNSUPPORTED_NEXT_MODULES[path];
  }
  return undefined;
}

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
