import { compileRoutingRules, matchHeaders, matchRedirect, type BuildManifest } from '@nexxo/runtime';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where prerendered pages sit among the assets: outside the base path, read only by the Worker. */
export const PRERENDERED_ASSET_PATH = '/__nexxo/prerendered';

/**
 * Fills the Workers Static Assets folder: `static/` at the base path (so hashed `/_nexxo/` files
 * are served without running the Worker) and `prerendered/` apart, plus a `_headers` file that
 * makes the hashed files immutable.
 */
export async function writeAssets(options: { outDir: string; assetsDir: string; manifest: BuildManifest }): Promise<void> {
  const { outDir, assetsDir, manifest } = options;
  const basePath = manifest.routing?.basePath ?? '';
  await mkdir(assetsDir, { recursive: true });
  const staticDir = join(outDir, 'static');
  if (existsSync(staticDir)) await cp(staticDir, join(assetsDir, basePath), { recursive: true, filter: (source) => !source.endsWith('.map') });
  const prerenderedDir = join(outDir, 'prerendered');
  if (existsSync(prerenderedDir)) await cp(prerenderedDir, join(assetsDir, PRERENDERED_ASSET_PATH), { recursive: true });

  const headersFile = join(assetsDir, '_headers');
  // A `public/_headers` of the app's (copied above when there is no base path) keeps its rules.
  const own = existsSync(headersFile) ? (await readFile(headersFile, 'utf8')).trimEnd() + '\n\n' : '';
  await writeFile(headersFile, `${own}${basePath}/_nexxo/*\n  Cache-Control: public, max-age=31536000, immutable\n  X-Content-Type-Options: nosniff\n`);
}

/**
 * `assets.run_worker_first`: every request runs the Worker (routing, config redirects and headers,
 * RSC payloads, prerendered pages, the `/_nexxo/image` endpoint) except the hashed `/_nexxo/`
 * files, which the assets layer answers alone. They are named by their folders (and the entry by
 * its name), not as `/_nexxo/*`: a path a negative rule matches never reaches the Worker, even when
 * no asset has it (workerd answers 404). When a config redirect or header rule applies to those
 * files, they go through the Worker too, so that it applies as on Node.
 */
export function runWorkerFirst(manifest: BuildManifest): { value: boolean | string[]; reason: string | null } {
  const basePath = manifest.routing?.basePath ?? '';
  const hashed = manifest.staticFiles.filter((file) => file.startsWith('/_nexxo/'));
  if (manifest.routing && hashed.length > 0) {
    const rules = compileRoutingRules(manifest.routing);
    for (const file of hashed) {
      const request = { pathname: basePath + file, search: '', headers: new Headers(), host: 'localhost' };
      if (matchRedirect(rules, request)) return { value: true, reason: `the config redirect for ${basePath + file} applies to hashed files` };
      if (matchHeaders(rules, request).length > 0) return { value: true, reason: `config headers apply to ${basePath + file}` };
    }
  }
  const assetOnly = new Set(hashed.map((file) => (file.indexOf('/', '/_nexxo/'.length) === -1 ? file : file.slice(0, file.indexOf('/', '/_nexxo/'.length)) + '/*')));
  return { value: ['/*', ...[...assetOnly].sort().map((pattern) => `!${basePath}${pattern}`)], reason: null };
}
