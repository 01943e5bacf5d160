import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { copyFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** How `nexxo/og` (@vercel/og's edge build) is bundled for workerd. */
export interface OgModules {
  external: RegExp[];
  alias?: Record<string, string>;
  rules?: Array<{ type: string; globs: string[]; fallthrough?: boolean }>;
  /** Files written only for the bundler, removed after it ran. */
  temporary: string[];
}

/** The file wasm and font modules of `nexxo/og` are kept as, beside worker.js. */
const OG_FILES = { yoga: 'og-yoga.wasm', resvg: 'og-resvg.wasm', font: 'og-geist-regular.ttf' };

/**
 * `nexxo/og` on Workers: @vercel/og's edge build imports its two WebAssembly files as modules
 * (`./yoga.wasm?module`), which workerd supports as CompiledWasm modules beside the Worker, and
 * fetches its fallback font from `new URL('./Geist-Regular.ttf', import.meta.url)`, which means
 * nothing on Workers. The adapter bundles a copy whose imports name the files it copies next to
 * worker.js, and whose font is a Data module. Nothing happens when the app does not use nexxo/og.
 */
export async function ogModules(options: { root: string; outDir: string; target: string }): Promise<OgModules> {
  const external = [/^\.\/og-[\w-]+\.(wasm|ttf)$/];
  if (!serverImportsOg(join(options.outDir, 'server'))) return { external, temporary: [] };
  const edgeEntry = findVercelOgEdgeBuild(options.root);
  if (!edgeEntry) throw Object.assign(new Error('nexxo/og is used, but @vercel/og (a dependency of nexxo) was not found from the app folder.\n  Fix: reinstall dependencies (npm install).'), { code: 'NEXXO_CF_OG' });
  const source = readFileSync(edgeEntry, 'utf8');
  const fontFetch = /fetch\(\s*new URL\(\s*"\.\/Geist-Regular\.ttf",\s*import\.meta\.url\s*\)\s*\)\.then\(\s*\(res\) => res\.arrayBuffer\(\)\s*\)/;
  if (!source.includes('./yoga.wasm?module') || !source.includes('./resvg.wasm?module') || !fontFetch.test(source)) {
    throw Object.assign(new Error(`This version of @vercel/og (${edgeEntry}) is not the one the Cloudflare adapter knows how to bundle for Workers.\n  Fix: use @vercel/og 0.11.x (the version nexxo depends on), or report the version at the Nexxo issue tracker.`), { code: 'NEXXO_CF_OG' });
  }
  const patched =
    `import og_font from "./${OG_FILES.font}";\n` +
    source
      .replace('./yoga.wasm?module', `./${OG_FILES.yoga}`)
      .replace('./resvg.wasm?module', `./${OG_FILES.resvg}`)
      .replace(fontFetch, 'Promise.resolve(og_font)');
  const dir = dirname(edgeEntry);
  await Promise.all([
    copyFile(join(dir, 'yoga.wasm'), join(options.target, OG_FILES.yoga)),
    copyFile(join(dir, 'resvg.wasm'), join(options.target, OG_FILES.resvg)),
    copyFile(join(dir, 'Geist-Regular.ttf'), join(options.target, OG_FILES.font)),
  ]);
  const patchedFile = join(options.target, '.og-edge.js');
  await writeFile(patchedFile, patched);
  return {
    external,
    alias: { '@vercel/og': patchedFile },
    // `.wasm` files are CompiledWasm modules by wrangler's default rules; the font is an ArrayBuffer.
    rules: [{ type: 'Data', globs: ['**/og-*.ttf'], fallthrough: true }],
    temporary: [patchedFile],
  };
}

function serverImportsOg(serverDir: string): boolean {
  if (!existsSync(serverDir)) return false;
  return readdirSync(serverDir, { withFileTypes: true, recursive: true }).some(
    (entry) => entry.isFile() && entry.name.endsWith('.js') && /\bfrom\s*["']nexxo\/og["']|import\(\s*["']nexxo\/og["']\s*\)/.test(readFileSync(join(entry.parentPath, entry.name), 'utf8')),
  );
}

/** @vercel/og as nexxo resolves it: `dist/index.edge.js` of the copy nexxo depends on. */
function findVercelOgEdgeBuild(root: string): string | null {
  try {
    const nexxo = createRequire(join(root, 'package.json')).resolve('nexxo/package.json');
    const og = createRequire(nexxo).resolve('@vercel/og/package.json');
    const edge = join(dirname(og), 'dist/index.edge.js');
    return existsSync(edge) ? edge : null;
  } catch {
    return null;
  }
}
