import { child, children, nameOf, stringValue, unwrapExpression, type Node } from './estree.js';
import type { OptionsContext } from './next-config-options.js';
import { indentAt, quoteLike, reindent, textAt } from './source-text.js';

export interface MdxOptions {
  /** `mdx: { remarkPlugins, … }`, or null when the wrapper set no plugins. */
  property: string | null;
  /** Imports for plugins that Turbopack-style configs name by string: `import remarkGfm from 'remark-gfm';`. */
  imports: string[];
}

/**
 * `createMDX({ options: { remarkPlugins, rehypePlugins, recmaPlugins } })` → Nexxo's `mdx` option. Plugins named
 * by string (`'remark-gfm'`, as Turbopack requires) become imports: Nexxo's MDX compiler takes
 * the plugin functions, like @mdx-js/rollup.
 */
export function convertMdxOptions(options: Node | null, context: OptionsContext): MdxOptions {
  const result: MdxOptions = { property: null, imports: [] };
  if (!options) return result;
  const { source, file, report, indent } = context;
  const object = unwrapExpression(options);
  if (object.type !== 'ObjectExpression') {
    report.attention(file, 'The options of `createMDX` are not an object literal; set `mdx: { remarkPlugins, rehypePlugins }` in nexxo.config.ts by hand.', context.lineOf(options));
    return result;
  }
  const kept: string[] = [];
  const taken = new Set<string>();
  for (const property of children(object, 'properties')) {
    const key = nameOf(child(property, 'key'));
    const value = unwrapExpression(child(property, 'value') ?? property);
    if (key === 'extension') {
      report.attention(file, "The `extension` option of `createMDX` was left out: list 'md' in `pageExtensions` to route .md files.", context.lineOf(property));
      continue;
    }
    if (key !== 'options' || value.type !== 'ObjectExpression') {
      report.attention(file, `The \`${key ?? '…'}\` option of \`createMDX\` is not one Nexxo has; it was left out.`, context.lineOf(property));
      continue;
    }
    for (const option of children(value, 'properties')) {
      const name = nameOf(child(option, 'key'));
      if (name === 'remarkPlugins' || name === 'rehypePlugins' || name === 'recmaPlugins') {
        kept.push(`${indent}  ${pluginListText(option, context, result.imports, taken)},`);
      } else {
        report.attention(file, `The MDX option \`${name ?? '…'}\` is not one Nexxo has (it takes \`remarkPlugins\`, \`rehypePlugins\` and \`recmaPlugins\`); it was left out.`, context.lineOf(option));
      }
    }
  }
  if (kept.length > 0) result.property = `mdx: {\n${kept.join('\n')}\n${indent}}`;
  return result;
}

/** The property's text, with string plugin names replaced by imported identifiers. */
function pluginListText(option: Node, context: OptionsContext, imports: string[], taken: Set<string>): string {
  const { source, indent } = context;
  const list = unwrapExpression(child(option, 'value')!);
  const named = list.type === 'ArrayExpression' ? children(list, 'elements').map(pluginName).filter((found): found is NonNullable<typeof found> => found !== null) : [];
  if (named.length === 0) return textAt(source, option, `${indent}  `);
  let text = source.slice(option.start, option.end);
  // Replaced from the end, so earlier offsets stay valid.
  for (const { literal, module } of named.reverse()) {
    const identifier = freeIdentifier(module, source, taken);
    imports.unshift(`import ${identifier} from ${quoteLike(source, module)};`);
    text = text.slice(0, literal.start - option.start) + identifier + text.slice(literal.end - option.start);
  }
  return reindent(text, indentAt(source, option.start), `${indent}  `);
}

/** `'remark-gfm'` or `['rehype-katex', { … }]` → the string literal naming the plugin. */
function pluginName(element: Node): { literal: Node; module: string } | null {
  const value = unwrapExpression(element);
  const literal = value.type === 'ArrayExpression' ? children(value, 'elements')[0] : value;
  const module = literal ? stringValue(literal) : null;
  return literal && module ? { literal, module } : null;
}

/** `remark-gfm` → `remarkGfm`, `@scope/rehype-x` → `rehypeX`; a number added when the name is used. */
function freeIdentifier(module: string, source: string, taken: Set<string>): string {
  const base = module.replace(/^@[^/]+\//, '').replace(/[^A-Za-z0-9]+(.)/g, (_, letter: string) => letter.toUpperCase()).replace(/^[^A-Za-z_$]+/, '') || 'plugin';
  let name = base;
  for (let index = 2; taken.has(name) || new RegExp(`\\b${name}\\b`).test(source); index++) name = `${base}${index}`;
  taken.add(name);
  return name;
}
