import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { buildApp } from '../build/build-app.js';
import { analyzeBundles } from '../build/bundle-analysis.js';
import { treemapHtml } from '../build/treemap-html.js';

/**
 * `nexxo analyze`: builds the app with module stats and writes `.nexxo/analyze/index.html` (a
 * self-contained treemap) and `stats.json`. Opens a browser only with `--open`, and never in CI.
 */
export async function analyzeCommand(dir: string, options: { open?: boolean } = {}): Promise<void> {
  console.log('nexxo analyze\n');
  const result = await buildApp({ root: dir, bundleStats: true });
  const analysis = analyzeBundles(dir, result.bundleStats!, result.stats.routes, clientBaseOf(result.manifest.client.entry), result.serverRoots);
  const outDir = join(result.outDir, 'analyze');
  await mkdir(outDir, { recursive: true });
  const html = join(outDir, 'index.html');
  await writeFile(join(outDir, 'stats.json'), JSON.stringify(analysis, null, 2));
  await writeFile(html, treemapHtml(analysis, `nexxo analyze — ${basename(dir)}`));
  console.log(`\n✓ Treemap → ${relative(process.cwd(), html) || html}`);
  if (!options.open) return;
  if (process.env.CI) return console.log('  (--open ignored in CI)');
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  spawn(opener, [html], { stdio: 'ignore', detached: true })
    .on('error', () => console.log(`  Could not start ${opener}; open the file yourself.`))
    .unref();
}

/** `/base/_nexxo/main-x.js` → `/base/_nexxo/`: the prefix of every client chunk URL. */
function clientBaseOf(entryUrl: string): string {
  return entryUrl.slice(0, entryUrl.lastIndexOf('/_nexxo/') + '/_nexxo/'.length);
}
