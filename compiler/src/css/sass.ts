import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { NexxoBuildError } from '../errors.js';

interface SassCompiler {
  compileAsync(path: string, options: { style: 'expanded'; sourceMap: false; loadPaths: string[] }): Promise<{ css: string; loadedUrls: URL[] }>;
}

const compilers = new Map<string, Promise<SassCompiler>>();

/** Compiles a `.scss`/`.sass` file with the project's own `sass` (or `sass-embedded`) package. */
export async function compileSass(file: string, root: string): Promise<{ css: string; dependencies: string[] }> {
  const sass = await loadSass(file, root);
  try {
    // `@use 'some-package/scss/x'` finds the package's Sass in node_modules, as webpack's sass-loader does.
    const result = await sass.compileAsync(file, { style: 'expanded', sourceMap: false, loadPaths: nodeModulesDirs(root) });
    return { css: result.css, dependencies: result.loadedUrls.filter((url) => url.protocol === 'file:').map((url) => fileURLToPath(url)) };
  } catch (error) {
    const message = (error as { sassMessage?: string; message: string }).sassMessage ?? (error as Error).message;
    const span = (error as { span?: { url?: URL; start: { line: number; column: number } } }).span;
    const where = span?.url ? `${relative(root, fileURLToPath(span.url))}:${span.start.line + 1}:${span.start.column + 1}` : relative(root, file);
    throw new NexxoBuildError('NEXXO_SASS', `${where}: ${message}`, { file, cause: error });
  }
}

function nodeModulesDirs(root: string): string[] {
  const dirs: string[] = [];
  for (let dir = root; ; dir = dirname(dir)) {
    dirs.push(join(dir, 'node_modules'));
    if (dirname(dir) === dir) return dirs;
  }
}

function loadSass(file: string, root: string): Promise<SassCompiler> {
  let compiler = compilers.get(root);
  if (!compiler) {
    const require = createRequire(join(root, 'package.json'));
    compiler = (async () => {
      for (const name of ['sass', 'sass-embedded']) {
        let resolved: string;
        try {
          resolved = require.resolve(name);
        } catch {
          continue;
        }
        const module = (await import(pathToFileURL(resolved).href)) as SassCompiler & { default?: SassCompiler };
        return typeof module.compileAsync === 'function' ? module : module.default!;
      }
      throw new NexxoBuildError(
        'NEXXO_SASS_MISSING',
        `${relative(root, file)}: compiling Sass needs the \`sass\` package, which this app does not have.\n  Fix: npm install --save-dev sass`,
        { file },
      );
    })();
    compilers.set(root, compiler);
    // A failed lookup is retried next time: the user may install the package while dev runs.
    compiler.catch(() => compilers.delete(root));
  }
  return compiler;
}
