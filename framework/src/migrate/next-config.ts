import { applyEdits, moduleCodeEdits } from './config-module-code.js';
import { lineAt, nameOf, parseProgram, type Node } from './estree.js';
import { convertMdxOptions } from './mdx-options.js';
import { convertOptions, type OptionsContext } from './next-config-options.js';
import { locateNextConfig, type ConfigWrapper, type LocatedConfig } from './next-config-locate.js';
import type { MigrationReport } from './report.js';
import { indentAt, reindent } from './source-text.js';

export const NEXT_CONFIG_FILES = ['next.config.js', 'next.config.mjs', 'next.config.cjs', 'next.config.ts', 'next.config.mts'];

export interface ConvertedConfig {
  /** nexxo.config.ts, or null when the config could not be converted (the report says why). */
  code: string | null;
  /** `@next/mdx` was unwrapped into `mdx`/`pageExtensions`: its packages can go. */
  mdx: boolean;
  /** `@next/bundle-analyzer` was unwrapped: its package can go. */
  bundleAnalyzer: boolean;
}

/** Config plugins Nexxo does itself; any other wrapper blocks, since its effect is lost. */
const KNOWN_WRAPPERS: Record<string, string> = {
  '@next/mdx': 'Nexxo compiles MDX itself; its options moved to `mdx`.',
  '@next/bundle-analyzer': 'run `nexxo analyze` for a treemap of the bundles instead.',
};

/**
 * Rewrites a next.config module as nexxo.config.ts: the module's other code kept, the config
 * object's supported options copied by span into `export default defineConfig({ … })`.
 *
 * @example
 * convertNextConfig("module.exports = { basePath: '/docs', reactStrictMode: true };", 'next.config.js', report).code;
 * // import { defineConfig } from 'nexxo';
 * //
 * // export default defineConfig({
 * //   basePath: '/docs',
 * // });
 */
export function convertNextConfig(source: string, file: string, report: MigrationReport): ConvertedConfig {
  const failed: ConvertedConfig = { code: null, mdx: false, bundleAnalyzer: false };
  let program: Node & { body: Node[] };
  try {
    program = parseProgram(source, file);
  } catch (error) {
    report.blocking(file, `could not be parsed (${(error as Error).message.split('\n')[0]}), so it was not converted. Fix the syntax and run \`nexxo migrate\` again, or write nexxo.config.ts by hand (see docs/config.md).`);
    return failed;
  }
  const located = locateNextConfig(program);
  if (!located?.object) {
    const where = located ? lineAt(source, located.exportStatement.start) : undefined;
    report.blocking(file, 'Nexxo could not find the config object in it (it expects an object exported directly, through a variable, a function or a config plugin), so it was left as it is. Move its options to nexxo.config.ts by hand (see docs/config.md).', where);
    return failed;
  }
  const lineOf = (node: Node) => lineAt(source, node.start);
  const indent = located.fn && (located.fn.statements.length > 0 || usesParams(source, located)) ? '    ' : '  ';
  const context: OptionsContext = { source, file, report, lineOf, indent };
  const wrappers = describeWrappers(located.wrappers, context);
  const options = convertOptions(located.object, context);
  const mdx = wrappers.mdx ? convertMdxOptions(wrappers.mdx.options, context) : null;
  if (mdx?.property) {
    options.properties.push(mdx.property);
    options.carried.push('mdx');
  }

  const droppedModules = new Set(located.wrappers.map((wrapper) => wrapper.from).filter((from): from is string => from !== null));
  const consumed = keepUsedBindings(source, located, report, file);
  const { edits, requiresLeft } = moduleCodeEdits(source, program.body, { droppedModules, consumed });
  for (const statement of requiresLeft) {
    report.attention('nexxo.config.ts', '`require()` was kept as written; nexxo.config.ts is an ES module, so turn it into an `import` if loading the config fails.', lineOf(statement));
  }
  edits.push({ start: located.exportStatement.start, end: located.exportStatement.end, text: defaultExport(source, located, options.properties, context) });
  const body = applyEdits(source, edits)
    .replace(/^[ \t]*\/\/ *@ts-check[ \t]*\r?\n/m, '')
    // Next.js's type annotations: the config is typed by defineConfig now.
    .replace(/^[ \t]*\/\*\*?\s*@type\s*\{import\(['"]next['"]\)[^}]*\}\s*\*\/[ \t]*\r?\n/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const imports = ["import { defineConfig } from 'nexxo';", ...(mdx?.imports ?? [])].join('\n');
  report.changed(file, `became nexxo.config.ts${options.carried.length > 0 ? ` (${options.carried.join(', ')})` : ' (no options to carry over)'}; ${file} was deleted.`);
  return { code: `${imports}\n${/^import /.test(body) ? '' : '\n'}${body}\n`, mdx: Boolean(wrappers.mdx), bundleAnalyzer: wrappers.bundleAnalyzer };
}

function describeWrappers(wrappers: ConfigWrapper[], context: OptionsContext): { mdx: ConfigWrapper | null; bundleAnalyzer: boolean } {
  const found = { mdx: null as ConfigWrapper | null, bundleAnalyzer: false };
  for (const wrapper of wrappers) {
    const line = context.lineOf(wrapper.node);
    const known = wrapper.from ? KNOWN_WRAPPERS[wrapper.from] : undefined;
    if (known) {
      context.report.changed(context.file, `\`${wrapper.name}\` (${wrapper.from}) was removed: ${known}`);
      if (wrapper.from === '@next/mdx') found.mdx = wrapper;
      else found.bundleAnalyzer = true;
      continue;
    }
    const origin = wrapper.from ? ` from ${wrapper.from}` : '';
    context.report.blocking(
      context.file,
      `\`${wrapper.name}\`${origin} wraps the config: it is a Next.js config plugin, which Nexxo cannot run, so it was removed with its options. Look for the library's Vite/Rolldown integration (add it to \`plugins\` in nexxo.config.ts) or go without it.`,
      line,
    );
  }
  return found;
}

/** A consumed variable that the rest of the module still uses keeps its declaration. */
function keepUsedBindings(source: string, located: LocatedConfig, report: MigrationReport, file: string): Set<Node> {
  const consumed = new Set(located.consumed);
  const spans = [located.exportStatement, ...consumed].map((node) => [node.start, node.end] as const);
  const rest = source.split('').map((character, index) => (spans.some(([start, end]) => index >= start && index < end) ? ' ' : character)).join('');
  for (const [name, statement] of located.consumedNames) {
    if (!consumed.has(statement) || !new RegExp(`\\b${name}\\b`).test(rest)) continue;
    consumed.delete(statement);
    report.attention(file, `\`${name}\` is used elsewhere in the file, so its declaration was kept as written; check that nexxo.config.ts still does what you meant.`, lineAt(source, statement.start));
  }
  return consumed;
}

function usesParams(source: string, located: LocatedConfig): boolean {
  const fn = located.fn!;
  const code = [...fn.statements, located.object!].map((node) => source.slice(node.start, node.end)).join('\n');
  return fn.params.some((param) => new RegExp(`\\b${nameOf(param) ?? '\\0'}\\b`).test(code) || (param.type !== 'Identifier' && /\bdefaultConfig\b/.test(code)));
}

/** `export default defineConfig({ … })`, as a function of the mode when the config was a function of the phase that needs it. */
function defaultExport(source: string, located: LocatedConfig, properties: string[], context: OptionsContext): string {
  const { indent } = context;
  const object = properties.length === 0 ? '{}' : `{\n${properties.map((text) => `${indent}${text},`).join('\n')}\n${indent.slice(2)}}`;
  const fn = located.fn;
  if (!fn || indent === '  ') {
    if (fn) context.report.changed(context.file, 'The config function did not use its arguments, so it became a plain object.');
    return `export default defineConfig(${object});`;
  }
  const lines: string[] = [];
  const [phase, nextOptions] = fn.params;
  const body = [...fn.statements, located.object!].map((node) => source.slice(node.start, node.end)).join('\n');
  const phaseName = nameOf(phase ?? null);
  const usesPhase = phaseName !== null && new RegExp(`\\b${phaseName}\\b`).test(body);
  if (usesPhase) {
    lines.push(`  const ${phaseName} = mode === 'development' ? 'phase-development-server' : 'phase-production-build';`);
    context.report.attention(context.file, `The config function's \`${phaseName}\` now comes from Nexxo's mode: 'phase-development-server' under \`nexxo dev\`, 'phase-production-build' under \`nexxo build\` and \`nexxo start\`.`, context.lineOf(phase!));
  }
  if (nextOptions && /\bdefaultConfig\b/.test(body)) {
    context.report.blocking(context.file, "The config function uses Next.js's `defaultConfig`, which Nexxo does not pass; replace it with the values you need.", context.lineOf(nextOptions));
  }
  for (const statement of fn.statements) lines.push(`  ${reindent(source.slice(statement.start, statement.end), indentAt(source, statement.start), '  ')}`);
  lines.push(`  return ${object};`);
  return `export default defineConfig(${fn.async ? 'async ' : ''}(${usesPhase ? '{ mode }' : ''}) => {\n${lines.join('\n')}\n});`;
}
