import { existsSync } from 'node:fs';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** How `nexxo/og` (@vercel/og's edge build) is bundled into the Edge function. */
export interface OgEdgeBuild {
  /** `@vercel/og` → the patched copy of its edge build. */
  alias: Record<string, string>;
  /** The `?module` imports of the WebAssembly files, left for Vercel to bind. */
  external: RegExp[];
  /** Files written only for the bundler, removed after it ran. */
  temporary: string[];
}

/** The names nexxo/og's WebAssembly files get beside the function's index.js. */
export const OG_WASM_FILES = { yoga: 'og-yoga.wasm', resvg: 'og-resvg.wasm' };

/** The imports of those files in the bundle (minified or not): `import x from "./og-yoga.wasm?module"`. */
export const OG_WASM_IMPORT = /^\.\/og-[\w-]+\.wasm\?module$/;

/**
 * `nexxo/og` on the Edge runtime: @vercel/og's edge build imports its two WebAssembly files as
 * `./yoga.wasm?module`, which Vercel's Edge runtime supports for files inside the function folder,
 * but fetches its fallback font from `new URL('./Geist-Regular.ttf', import.meta.url)`, a URL that
 * names no file once the package is bundled into one index.js. The adapter bundles a copy whose
 * imports name the wasm files it copies into the function folder, and whose font is inlined
 * (base64 in index.js, so the function needs no `assets` entry and no fetch).
 */
export async function ogEdgeBuild(options: { root: string; funcDir: string }): Promise<OgEdgeBuild> {
  const edgeEntry = findVercelOgEdgeBuild(options.root);
  if (!edgeEntry) throw Object.assign(new Error('nexxo/og is used, but @vercel/og (a dependency of nexxo) was not found from the app folder.\n  Fix: reinstall dependencies (npm install).'), { code: 'NEXXO_VERCEL_OG' });
  const source = await readFile(edgeEntry, 'utf8');
  const fontFetch = /fetch\(\s*new URL\(\s*"\.\/Geist-Regular\.ttf",\s*import\.meta\.url\s*\)\s*\)\.then\(\s*\(res\) => res\.arrayBuffer\(\)\s*\)/;
  if (!source.includes('"./yoga.wasm?module"') || !source.includes('"./resvg.wasm?module"') || !fontFetch.test(source)) {
    throw Object.assign(new Error(`This version of @vercel/og (${edgeEntry}) is not the one the Vercel adapter knows how to bundle for the Edge runtime.\n  Fix: use @vercel/og 0.11.x (the version nexxo depends on), or add \`export const runtime = 'nodejs'\` to the routes that use nexxo/og.`), { code: 'NEXXO_VERCEL_OG' });
  }
  const dir = dirname(edgeEntry);
  const font = (await readFile(join(dir, 'Geist-Regular.ttf'))).toString('base64');
  // A thenable, not a promise: the font is decoded when the first image awaits it, not when the
  // function starts, and the decoded bytes are kept for the next images (as @vercel/og keeps them).
  const patched =
    `var og_font = ${JSON.stringify(font)}, og_font_data;\n` +
    source
      .replace('"./yoga.wasm?module"', JSON.stringify(`./${OG_WASM_FILES.yoga}?module`))
      .replace('"./resvg.wasm?module"', JSON.stringify(`./${OG_WASM_FILES.resvg}?module`))
      .replace(fontFetch, '{ then(resolve) { resolve(og_font_data ??= Uint8Array.from(atob(og_font), (char) => char.charCodeAt(0)).buffer); } }');
  await Promise.all([copyFile(join(dir, 'yoga.wasm'), join(options.funcDir, OG_WASM_FILES.yoga)), copyFile(join(dir, 'resvg.wasm'), join(options.funcDir, OG_WASM_FILES.resvg))]);
  // Written inside the function folder so that the relative wasm imports stay `./og-*.wasm?module` in index.js.
  const patchedFile = join(options.funcDir, '.og-edge.js');
  await writeFile(patchedFile, patched);
  return { alias: { '@vercel/og': patchedFile }, external: [OG_WASM_IMPORT], temporary: [patchedFile] };
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
