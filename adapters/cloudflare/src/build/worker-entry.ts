import type { BuildManifest } from '@nexxo/runtime';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRERENDERED_ASSET_PATH } from './assets.js';

const createWorkerModule = fileURLToPath(new URL('../worker/create-worker.js', import.meta.url));

/** Source of the module the Worker is bundled from: the build's two server bundles and the manifest. */
export function workerEntrySource(outDir: string, manifest: BuildManifest): string {
  const path = (file: string) => JSON.stringify(file.split('\\').join('/'));
  const assetPaths = { static: manifest.routing?.basePath ?? '', prerendered: PRERENDERED_ASSET_PATH };
  return [
    `import * as rsc from ${path(join(outDir, 'server/rsc/index.js'))};`,
    `import * as ssr from ${path(join(outDir, 'server/ssr/index.js'))};`,
    `import { createWorker } from ${path(createWorkerModule)};`,
    `const manifest = ${JSON.stringify(manifest)};`,
    `export default createWorker({ build: { manifest, rsc, ssr }, assetPaths: ${JSON.stringify(assetPaths)} });`,
    '',
  ].join('\n');
}
