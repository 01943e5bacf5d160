import type { Options as MdxCompileOptions } from '@mdx-js/rollup';
import type { Plugin } from 'rolldown';
import { formatDiagnostic } from '../errors.js';
import { displayPath } from '../import-chain.js';

/** How the app's MDX compiles (`mdx` and `pageExtensions` in nexxo.config, and `mdx-components`). */
export interface MdxOptions {
  /**
   * The app's `mdx-components` file: every MDX file takes its components from the file's
   * `useMDXComponents()`. Null: MDX's own elements, plus what a `components` prop passes.
   */
  componentsFile: string | null;
  /** Compile `.md` files too, as markdown (where `<` and `{` are text). `.mdx` always compiles. */
  md: boolean;
  /** unified plugins, each a plugin or `[plugin, options]`, as @mdx-js/mdx takes them. */
  remarkPlugins?: unknown[];
  rehypePlugins?: unknown[];
  recmaPlugins?: unknown[];
}

type MdxTransform = (code: string, id: string) => Promise<{ code: string; map?: unknown } | undefined>;

/**
 * Compiles `.mdx` (and, when asked, `.md`) modules to JavaScript with @mdx-js, before any other
 * plugin sees them: an MDX file is then an ordinary module of whichever environment imports it. In
 * rsc that makes it a server component, as in Next.js: it has no "use client", and the components
 * file's `useMDXComponents` runs on the server.
 */
export function mdxPlugin(options: MdxOptions & { development: boolean }): Plugin {
  let root = '';
  // Loaded on the first MDX file: most apps have none, and dev must start fast.
  let compile: Promise<MdxTransform> | undefined;
  const compiler = async (): Promise<MdxTransform> => {
    const { default: mdx } = await import('@mdx-js/rollup');
    const plugin = mdx({
      development: options.development,
      ...(options.componentsFile ? { providerImportSource: options.componentsFile } : {}),
      mdxExtensions: ['.mdx'],
      mdExtensions: options.md ? ['.md'] : [],
      remarkPlugins: (options.remarkPlugins ?? []) as MdxCompileOptions['remarkPlugins'],
      rehypePlugins: (options.rehypePlugins ?? []) as MdxCompileOptions['rehypePlugins'],
      recmaPlugins: (options.recmaPlugins ?? []) as MdxCompileOptions['recmaPlugins'],
    });
    return (code, id) => plugin.transform(code, id) as ReturnType<MdxTransform>;
  };
  return {
    name: 'nexxo:mdx',
    buildStart(inputOptions) {
      root = inputOptions.cwd;
    },
    transform: {
      // `x.md?raw` and other queries are the asset plugins' business, hence `$`.
      filter: { id: options.md ? /\.mdx?$/ : /\.mdx$/ },
      async handler(code, id) {
        if (id.startsWith('\0')) return null;
        compile ??= compiler();
        try {
          const result = await (await compile)(code, id);
          return result ? { code: result.code, map: result.map as never, moduleType: 'js' } : null;
        } catch (error) {
          return this.error(mdxErrorMessage(error, displayPath(root, id)));
        }
      },
    },
  };
}

/** What @mdx-js throws: a VFileMessage from its parser (with a source), or any error from a plugin. */
interface MdxError {
  message?: string;
  reason?: string;
  line?: number;
  column?: number;
  source?: string;
  url?: string;
}

/** "file:line:column: MDX could not compile this file: reason" and the fix. */
export function mdxErrorMessage(error: unknown, file: string): string {
  const { message, reason, line, column, source, url } = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as MdxError;
  const text = reason ?? message ?? String(error);
  // Some parser messages carry their place only in the text: "Expected a closing tag for `<div>` (3:1-3:6)".
  const [atLine, atColumn] = typeof line === 'number' ? [line, column ?? 1] : (/\((\d+):(\d+)-\d+:\d+\)$/.exec(text)?.slice(1) ?? []);
  const at = atLine ? `${file}:${atLine}:${atColumn}` : file;
  // The MDX parser's messages come from micromark and mdast-util-mdx-*; anything else from a plugin.
  const fix = /^(micromark|mdast-util-mdx)/.test(source ?? '')
    ? `in MDX, \`{\` starts a JavaScript expression and \`<\` a JSX tag, each to be closed, and import/export lines are JavaScript; write \`\\{\` or \`\\<\` for the character itself.${url ? ` More: ${url}` : ''}`
    : 'if the message comes from a remark, rehype or recma plugin, check that plugin and its options in `mdx` in nexxo.config.';
  return formatDiagnostic(at, `MDX could not compile this file: ${text}`, fix);
}
