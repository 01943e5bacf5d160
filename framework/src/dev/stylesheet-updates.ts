import type { AssetPipeline } from '@nexxo/compiler';
import { join } from 'node:path';
import type { DevBuild } from './dev-build.js';

export interface StylesheetSwap {
  from: string;
  to: string;
}

/**
 * Recompiles the stylesheets an edit touched (the file itself, an @import, a Sass partial, or a
 * source Tailwind scans) and points the current build at their new URLs, so pages swap them
 * without a bundler rebuild. Returns the swaps, and the edited stylesheets whose JS side (CSS
 * Module class names) is unchanged: those need no rebuild at all.
 */
export async function updateStylesheets(pipeline: AssetPipeline, build: DevBuild | null, outDir: string, paths: string[]): Promise<{ swaps: StylesheetSwap[]; handled: Set<string> }> {
  if (!build) {
    // Nothing to swap yet (no build, or a broken one): the next build compiles them afresh.
    await pipeline.css.invalidate(paths);
    return { swaps: [], handled: new Set() };
  }
  const { stylesheets } = build.result;
  const before = new Map<string, Record<string, string> | null | undefined>();
  for (const file of pipeline.css.files) before.set(file, (await pipeline.css.compile(file).catch(() => undefined))?.classNames);
  const affected = new Set(await pipeline.css.invalidate(paths));
  // A build restored from the persistent cache has not compiled its stylesheets in this process.
  for (const path of paths) if (stylesheets.has(path)) affected.add(path);

  const swaps: StylesheetSwap[] = [];
  const handled = new Set<string>();
  for (const file of affected) {
    const from = stylesheets.get(file);
    if (from === undefined) continue;
    // A stylesheet that no longer compiles is reported by the rebuild that follows.
    const compiled = await pipeline.css.compile(file).catch(() => null);
    if (!compiled) continue;
    if (before.has(file) && JSON.stringify(before.get(file)) === JSON.stringify(compiled.classNames)) handled.add(file);
    if (compiled.href === from) continue;
    swaps.push({ from, to: compiled.href });
    stylesheets.set(file, compiled.href);
  }
  if (swaps.length === 0) return { swaps, handled };
  await pipeline.files.write(join(outDir, build.result.dirs.client));
  const renamed = new Map(swaps.map((swap) => [swap.from, swap.to]));
  const rename = (hrefs: string[]) => hrefs.map((href) => renamed.get(href) ?? href);
  for (const [root, hrefs] of build.result.styles) build.result.styles.set(root, rename(hrefs));
  // The dev server's request handler reads this same manifest object.
  for (const [path, hrefs] of Object.entries(build.manifest.styles)) build.manifest.styles[path] = rename(hrefs);
  return { swaps, handled };
}
