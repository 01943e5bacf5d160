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

/** Files below this size are read whole, and kept in memory (up to MEMORY_BUDGET in all). */
const SMALL_FILE = 64 * 1024;
const MEMORY_BUDGET = 64 * 1024 * 1024;

/**
 * Reads build files from disk. The runtime asks only for paths listed in the manifest; the check
 * below keeps even a bad path inside the output folder. The build does not change while it is
 * served, so small files (prerendered pages and payloads, chunks) are read once and then answered
 * from memory, which spares a prerendered page two file system calls per request.
 */
export function fileReader(outDir: string): ReadBuildFile {
  const root = resolve(outDir);
  const kept = new Map<string, Uint8Array>();
  let keptBytes = 0;
  return async (path) => {
    const file = resolve(root, path);
    if (!file.startsWith(root + sep)) return null;
    const known = kept.get(file);
    if (known) return known;
    try {
      const info = await stat(file);
      if (!info.isFile()) return null;
      if (info.size >= SMALL_FILE) return Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
      const bytes = new Uint8Array(await readFile(file));
      if (keptBytes + bytes.byteLength <= MEMORY_BUDGET) {
        kept.set(file, bytes);
        keptBytes += bytes.byteLength;
      }
      return bytes;
    } catch {
      return null;
    }
  };
}
