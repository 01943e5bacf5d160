import { bundleAsync, type CSSModuleExports } from 'lightningcss';
import postcss, { type AcceptedPlugin } from 'postcss';
import { readFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { NexxoBuildError } from '../errors.js';
import type { AssetFiles } from '../assets/asset-files.js';
import { loadPostcssPlugins } from './postcss-config.js';
import { compileSass } from './sass.js';

export const CSS_FILE = /\.(css|scss|sass)$/;
const CSS_MODULE = /\.module\.(css|scss|sass)$/;

export interface CompiledCss {
  /** URL of the stylesheet as served (content-hashed). */
  href: string;
  /** CSS Modules: each local class name → the class names to use (composed ones included). Null for global CSS. */
  classNames: Record<string, string> | null;
  /** Files whose change changes this stylesheet: itself, its @imports, Sass partials, PostCSS dependencies. */
  dependencies: Set<string>;
  /** Folders a PostCSS plugin scans (Tailwind's sources): any file changed below them changes this stylesheet. */
  dirDependencies: Set<string>;
}

// Browsers with native nesting, :is(), color-mix() etc. (the same baseline Tailwind v4 targets).
const TARGETS = { chrome: 111 << 16, edge: 111 << 16, firefox: 128 << 16, safari: (16 << 16) | (4 << 8) };

/**
 * Compiles stylesheets: Sass (with the project's `sass`), then the project's PostCSS plugins, then
 * Lightning CSS for @import inlining, CSS Modules (scoped names, `composes`), url() assets, syntax
 * lowering and (in production) minification. Results are cached until a dependency changes.
 */
export class CssCompiler {
  readonly #root: string;
  readonly #production: boolean;
  readonly #assets: AssetFiles;
  readonly #cache = new Map<string, Promise<CompiledCss>>();
  #postcss: Promise<AcceptedPlugin[] | null> | null = null;

  constructor(options: { root: string; production: boolean; assets: AssetFiles }) {
    this.#root = options.root;
    this.#production = options.production;
    this.#assets = options.assets;
  }

  compile(file: string): Promise<CompiledCss> {
    let compiled = this.#cache.get(file);
    if (!compiled) {
      compiled = this.#compile(file);
      this.#cache.set(file, compiled);
      compiled.catch(() => this.#cache.delete(file));
    }
    return compiled;
  }

  /** Forgets what the changed files affect; returns the stylesheets that must be compiled again. */
  async invalidate(changed: string[], configChanged = false): Promise<string[]> {
    if (configChanged) this.#postcss = null;
    const affected: string[] = [];
    for (const [file, pending] of this.#cache) {
      const compiled = await pending.catch(() => null);
      const hit =
        configChanged ||
        !compiled ||
        changed.some((path) => compiled.dependencies.has(path) || [...compiled.dirDependencies].some((dir) => path.startsWith(dir + sep) && !CSS_FILE.test(path) && !path.includes(`${sep}node_modules${sep}`) && !path.includes(`${sep}.nexxo${sep}`)));
      if (hit) {
        this.#cache.delete(file);
        affected.push(file);
      }
    }
    return affected;
  }

  /** Stylesheets compiled so far, for the persistent cache and dev updates. */
  get files(): string[] {
    return [...this.#cache.keys()];
  }

  async #compile(file: string): Promise<CompiledCss> {
    this.#postcss ??= loadPostcssPlugins(this.#root);
    const plugins = await this.#postcss;
    const dependencies = new Set<string>([file]);
    const dirDependencies = new Set<string>();
    const root = this.#root;
    const toPath = (name: string) => (isAbsolute(name) ? name : join(root, name));
    let result;
    try {
      result = await bundleAsync({
        // Relative names keep scoped class names the same on every machine.
        filename: relative(root, file),
        minify: this.#production,
        targets: TARGETS,
        cssModules: CSS_MODULE.test(file) ? { pattern: this.#production ? '[local]_[hash]' : '[name]_[local]_[hash]' } : false,
        analyzeDependencies: true,
        resolver: {
          read: async (name) => {
            const path = toPath(name);
            dependencies.add(path);
            let code: string;
            if (/\.(scss|sass)$/.test(path)) {
              const sass = await compileSass(path, root);
              for (const dependency of sass.dependencies) dependencies.add(dependency);
              code = sass.css;
            } else code = await readFile(path, 'utf8');
            if (!plugins || plugins.length === 0) return code;
            const processed = await postcss(plugins).process(code, { from: path, to: path });
            for (const message of processed.messages) {
              if (message.type === 'dependency' && typeof message.file === 'string') dependencies.add(message.file);
              if (message.type === 'dir-dependency' && typeof message.dir === 'string') dirDependencies.add(message.dir);
            }
            return processed.css;
          },
          resolve: (specifier, from) => {
            if (specifier.startsWith('.') || specifier.startsWith('/')) return relative(root, resolve(dirname(toPath(from)), specifier));
            return relative(root, resolvePackageStylesheet(specifier, toPath(from)));
          },
        },
      });
    } catch (error) {
      throw toBuildError(error, file, root);
    }
    let code = result.code.toString();
    for (const dependency of result.dependencies ?? []) {
      if (dependency.type !== 'url') continue;
      code = code.replaceAll(dependency.placeholder, this.#urlFor(dependency.url, toPath(dependency.loc.filePath), dependency.loc.start.line));
    }
    return { href: this.#assets.cssUrl(file, code), classNames: result.exports ? classNamesOf(result.exports) : null, dependencies, dirDependencies };
  }

  /** An url() in CSS: local files become hashed assets; URLs, data: and public/ paths stay. */
  #urlFor(url: string, cssFile: string, line: number): string {
    if (/^([a-z][a-z\d+.-]*:|\/|#)/i.test(url)) return url;
    const [path, suffix = ''] = url.split(/(?=[?#])/, 2) as [string, string?];
    let decoded = path;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      // Not percent-encoding after all: use the path as written.
    }
    const file = resolve(dirname(cssFile), decoded);
    if (!existsSync(file))
      throw new NexxoBuildError('NEXXO_CSS_URL', `${relative(this.#root, cssFile)}:${line}: url(${url}) points to ${relative(this.#root, file)}, which does not exist.\n  Fix: correct the path, or put the file in public/ and use an absolute URL (/${path.replace(/^(\.\.?\/)+/, '')}).`, { file: cssFile });
    return this.#assets.fileUrl(file) + suffix;
  }
}

/**
 * A package stylesheet: `@import "pkg/styles.css"` is a file in the package; `@import "pkg"`
 * means the package's stylesheet (its `style` export condition or field), not its JavaScript.
 */
function resolvePackageStylesheet(specifier: string, from: string): string {
  const require = createRequire(from);
  const name = /^(@[^/]+\/)?[^/]+/.exec(specifier)?.[0] ?? specifier;
  if (name === specifier) {
    try {
      const manifestPath = require.resolve(`${name}/package.json`);
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { style?: string; exports?: Record<string, unknown> };
      const root = manifest.exports?.['.'];
      const style = (typeof root === 'object' && root !== null ? (root as { style?: unknown }).style : undefined) ?? manifest.style;
      if (typeof style === 'string') return join(dirname(manifestPath), style);
    } catch {
      // No readable package.json: resolve it like any import.
    }
  }
  return require.resolve(specifier);
}

function classNamesOf(exports: CSSModuleExports): Record<string, string> {
  const names: Record<string, string> = {};
  for (const [local, entry] of Object.entries(exports)) {
    // Composed classes from other files are inlined by the bundle, so every reference is a name here.
    names[local] = [entry.name, ...entry.composes.map((composed) => composed.name)].join(' ');
  }
  return names;
}

function toBuildError(error: unknown, file: string, root: string): Error {
  if (error instanceof NexxoBuildError) return error;
  const details = error as { message?: string; fileName?: string; loc?: { line: number; column: number } };
  const where = details.fileName ? `${details.fileName}${details.loc ? `:${details.loc.line}:${details.loc.column}` : ''}` : relative(root, file);
  const message = `${where}: ${details.message ?? String(error)}`;
  if ((error as { code?: string }).code === 'ENOENT') return new NexxoBuildError('NEXXO_CSS_IMPORT', `${message}\n  Fix: check the path of the @import.`, { file, cause: error });
  return new NexxoBuildError('NEXXO_CSS', message, { file, cause: error });
}
