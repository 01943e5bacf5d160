import { arrayOf, isPlainObject, mismatch, object, type Check } from './schema-checks.js';

/** What Next.js routes by default, and what Nexxo routed before `pageExtensions` existed. */
export const DEFAULT_PAGE_EXTENSIONS: readonly string[] = ['tsx', 'ts', 'jsx', 'js'];

/**
 * File types the compiler turns into modules. A page extension must end in one of them (`mdx`,
 * or `page.tsx` for `page.page.tsx`); anything else would be routed and then fail to compile.
 */
const COMPILED_EXTENSIONS = ['tsx', 'ts', 'jsx', 'js', 'mjs', 'mts', 'mdx', 'md'];

/** `md` and `mdx` (or `page.mdx`): markdown pages, compiled by the MDX plugin. */
export function isMarkdownExtension(extension: string): boolean {
  return /(?:^|\.)mdx?$/.test(extension);
}

export const pageExtensionsCheck: Check = (value, at, report) => {
  if (!Array.isArray(value)) return mismatch(report, at, "an array of file extensions such as ['tsx', 'ts', 'jsx', 'js', 'mdx']", value);
  if (value.length === 0) report.problems.push(`\`${at}\` in ${report.file} is empty, so no file would be a page. Leave it out for the default ['tsx', 'ts', 'jsx', 'js'].`);
  value.forEach((extension, index) => {
    const where = `${at}[${index}]`;
    if (typeof extension !== 'string' || extension === '') return mismatch(report, where, "a file extension such as 'mdx'", extension);
    if (extension.startsWith('.')) return report.problems.push(`\`${where}\` in ${report.file} must not start with a dot: use '${extension.replace(/^\.+/, '')}', not '${extension}'.`);
    const last = extension.slice(extension.lastIndexOf('.') + 1);
    if (!COMPILED_EXTENSIONS.includes(last))
      report.problems.push(
        `\`${where}\` in ${report.file} is '${extension}', but Nexxo compiles no .${last} files, so such a page could not be built. Use extensions ending in ${COMPILED_EXTENSIONS.map((name) => `'${name}'`).join(', ')}, or remove it.`,
      );
  });
};

/**
 * A unified plugin as @mdx-js takes it: a function, `[plugin, options]`, or a preset object. A
 * string is what Next.js's Turbopack loader accepts; here the config is code, so the plugin is imported.
 */
const mdxPluginEntry: Check = (value, at, report) => {
  if (typeof value === 'function' || (isPlainObject(value) && ('plugins' in value || 'settings' in value))) return;
  if (Array.isArray(value) && typeof value[0] === 'function') return;
  const name = typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : null;
  const hint = name ? ` Import the plugin and pass it instead of its name: \`import plugin from '${name}'\`, then \`${Array.isArray(value) ? '[plugin, options]' : 'plugin'}\`.` : '';
  mismatch(report, at, 'a plugin function or `[plugin, options]`', value, hint);
};
const mdxPluginList = arrayOf(mdxPluginEntry, 'plugins (a plugin function or `[plugin, options]` each)');

export const mdxCheck = object({ remarkPlugins: mdxPluginList, rehypePlugins: mdxPluginList, recmaPlugins: mdxPluginList }, 'an object such as `{ remarkPlugins: [remarkGfm] }`');
