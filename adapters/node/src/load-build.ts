import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import type { BuildManifest, ReadBuildFile, RscEntry, ServerBuild, SsrEntry } from '@nexxo/runtime';

/** Loads a build written by `nexxo build` from its output folder. */
export async function loadBuild(outDir: string): Promise<ServerBuild> {
  const manifestPath = join(outDir, 'manifest.json');
  let manifest: BuildManifest;
  try {
    manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as BuildManifest;
  } catch (cause) {
    throw Object.assign(new Error(`No build found at ${manifestPath}.\n  Fix: run \`nexxo build\` in the app's folder first.`, { cause }), { code: 'NEXXO_NO_BUILD' });
  }
  const [rsc, ssr] = await Promise.all([
    import(pathToFileURL(join(outDir, 'server/rsc/index.js')).href) as Promise<RscEntry>,
    import(pathToFileURL(join(outDir, 'server/ssr/index.js')).href) as Promise<SsrEntry>,
  ]);
  return { manifest, rsc, ssr };
}

/**
 * Reads build files from disk. The runtime asks only for paths listed in the manifest; the check
 * below keeps even a bad path inside the output folder.
 */
export function fileReader(outDir: string): ReadBuildFile {
  const root = resolve(outDir);
  return async (path) => {
    const file = resolve(root, path);
    if (!file.startsWith(root + sep)) return null;
    try {
      const info = await stat(file);
      if (!info.isFile()) return null;
      if (info.size < 64 * 1024) return new Uint8Array(await readFile(file));
      return Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
    } catch {
      return null;
    }
  };
}
