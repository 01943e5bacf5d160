import type { AdapterBuilder } from '@nexxo/runtime';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runWorkerFirst, writeAssets } from './assets.js';
import { findNodeOnlyModules, nodeOnlyModulesError } from './node-only-modules.js';
import { ogModules } from './og-modules.js';
import { workerEntrySource } from './worker-entry.js';
import { formatWranglerConfig, readAppWranglerConfig, wranglerConfig } from './wrangler-config.js';

export interface CloudflareAdapterOptions {
  /**
   * Node.js modules to let through the build check even though they do not run on Workers, for
   * libraries that import them but never call them there.
   */
  allowNodeModules?: string[];
}

/** Export conditions for packages bundled into the Worker, most specific first. */
export const WORKER_CONDITIONS = ['workerd', 'worker', 'browser', 'import', 'module', 'default'];

/** Free-plan limit on a Worker's compressed size (paid plans: 10 MB). */
const FREE_PLAN_LIMIT = 3 * 1024 * 1024;

/** Writes `<outDir>/cloudflare/`: `worker.js`, `assets/` and `wrangler.jsonc`. */
export async function adaptForCloudflare(builder: AdapterBuilder, options: CloudflareAdapterOptions): Promise<void> {
  const { root, outDir, manifest } = builder;
  const uses = findNodeOnlyModules({ root, outDir, allow: options.allowNodeModules });
  if (uses.length > 0) throw nodeOnlyModulesError(uses, root);

  const target = join(outDir, 'cloudflare');
  await rm(target, { recursive: true, force: true });
  await mkdir(target, { recursive: true });
  await writeAssets({ outDir, assetsDir: join(target, 'assets'), manifest });

  const entry = join(target, '.entry.js');
  await writeFile(entry, workerEntrySource(outDir, manifest));
  const og = await ogModules({ root, outDir, target });
  const builtins = builtinModules.filter((name) => !name.startsWith('_'));
  let worker: { file: string; bytes: number };
  try {
    worker = await builder.bundle({
      input: entry,
      outFile: join(target, 'worker.js'),
      conditions: WORKER_CONDITIONS,
      // nodejs_compat provides the built-ins; wasm files stay modules of their own (see og-modules).
      external: [/^node:/, new RegExp(`^(${builtins.map((name) => name.replace(/[/]/g, '\\/')).join('|')})$`), ...og.external],
      ...(og.alias ? { alias: og.alias } : {}),
    });
  } finally {
    await Promise.all([entry, ...og.temporary].map((file) => rm(file, { force: true })));
  }

  const appConfig = readAppWranglerConfig(root);
  const workerFirst = runWorkerFirst(manifest);
  if (workerFirst.reason) builder.log(`  Every request runs the Worker, hashed files too: ${workerFirst.reason}.`);
  const config = wranglerConfig({
    root,
    appConfig: appConfig?.config ?? null,
    main: 'worker.js',
    assetsDirectory: 'assets',
    runWorkerFirst: workerFirst.value,
    rules: og.rules,
    warn: (message) => builder.log(`  ⚠ ${message}`),
  });
  await writeFile(join(target, 'wrangler.jsonc'), formatWranglerConfig(config, appConfig?.file ?? null));

  const gzip = gzipSync(readFileSync(worker.file), { level: 9 }).length;
  const shown = relative(root, target) || '.';
  builder.log(`  ${shown}/worker.js  ${formatBytes(worker.bytes)} (${formatBytes(gzip)} gzip)`);
  // Modules uploaded beside worker.js (nexxo/og's wasm and font) count towards the same limit.
  const modules = readdirSync(target).filter((name) => name.startsWith('og-'));
  const modulesGzip = modules.reduce((sum, name) => sum + gzipSync(readFileSync(join(target, name)), { level: 9 }).length, 0);
  if (modules.length > 0) builder.log(`  ${shown}/${modules.join(', ')}  (${formatBytes(modulesGzip)} gzip; ${formatBytes(gzip + modulesGzip)} gzip in all)`);
  if (gzip + modulesGzip > FREE_PLAN_LIMIT) builder.log(`  ⚠ The Worker is over the 3 MB (gzip) limit of the Workers Free plan; paid plans allow 10 MB.`);
  if (appConfig) builder.log(`  Merged ${relative(root, appConfig.file)} (bindings, vars) into ${shown}/wrangler.jsonc`);
  else if (existsSync(join(root, 'wrangler.toml'))) builder.log(`  ⚠ wrangler.toml is not read: move its settings to wrangler.jsonc (same keys, JSON) so the build can merge them.`);
  builder.log(`  Preview: npx wrangler dev -c ${shown}/wrangler.jsonc   Deploy: npx wrangler deploy -c ${shown}/wrangler.jsonc`);
}

function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}
