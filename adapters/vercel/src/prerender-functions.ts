import { cp, mkdir, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { RSC_CONTENT_TYPE } from '@nexxo/runtime/protocol';
import { ISR_FUNCTION, PAGE_PARAM, type PrerenderFunction } from './vercel-routes.js';

/**
 * Writes each page's two prerender functions (`<name>.func` for HTML, `<name>.rsc.func` for the
 * RSC payload of client navigations): symlinks to the ISR function, a prerender-config.json and
 * the build's prerendered file as the fallback Vercel serves until the first regeneration. Both
 * share a `group`, so one on-demand revalidation refreshes both.
 */
export async function writePrerenderFunctions(outDir: string, output: string, functions: PrerenderFunction[], bypassToken: string): Promise<void> {
  const target = join(output, 'functions', ISR_FUNCTION + '.func');
  for (const [index, fn] of functions.entries()) {
    const variants = [
      { name: fn.name, file: fn.html, extension: '.html', contentType: 'text/html; charset=utf-8' },
      { name: fn.name + '.rsc', file: fn.rsc, extension: '.rsc', contentType: RSC_CONTENT_TYPE },
    ];
    for (const variant of variants) {
      const base = join(output, 'functions', variant.name);
      await mkdir(dirname(base), { recursive: true });
      await symlink(relative(dirname(base), target), base + '.func', 'dir');
      const fallback = `${variant.name.split('/').pop()}.prerender-fallback${variant.extension}`;
      await cp(join(outDir, variant.file), join(dirname(base), fallback));
      const config = {
        expiration: fn.revalidate,
        group: index + 1,
        bypassToken,
        fallback,
        // The page parameter is part of the cache key: the function answers only for its own page.
        allowQuery: [PAGE_PARAM],
        passQuery: true,
        initialHeaders: { 'content-type': variant.contentType },
        initialStatus: 200,
      };
      await writeFile(base + '.prerender-config.json', JSON.stringify(config, null, 2) + '\n');
    }
  }
}
