import { lstat, realpath } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, parse } from 'node:path';

export interface TracedFiles {
  /** Regular files the entries need at run time, absolute real paths. */
  files: string[];
  /** Symlinks passed through on the way (absolute link path → absolute real target). */
  links: Map<string, string>;
  /** nft's notes: unresolved optional imports (other platforms' binaries) and the like. */
  warnings: string[];
}

type NodeFileTrace = typeof import('@vercel/nft').nodeFileTrace;

/**
 * Finds every file the given server entries read at run time with `@vercel/nft`: imports,
 * `require`s, native addons and the shared libraries beside them (sharp's libvips), and assets
 * read through `new URL('./x', import.meta.url)` (@vercel/og's fonts and WebAssembly).
 */
export async function traceServerFiles(entries: string[], options: { cwd: string }): Promise<TracedFiles> {
  // The build defines a global `__webpack_require__` (react-server-dom-webpack's chunk loader), so
  // node-gyp-build and bindings, which nft uses, take themselves for webpack bundles and call
  // `__non_webpack_require__`: Node's own require is what that name means.
  const globals = globalThis as { __webpack_require__?: unknown; __non_webpack_require__?: unknown };
  const shim = typeof globals.__webpack_require__ === 'function' && globals.__non_webpack_require__ === undefined;
  if (shim) globals.__non_webpack_require__ = createRequire(import.meta.url);
  // The file system root as base: nft leaves out files outside its base, and dependencies may live
  // above the app (a workspace's hoisted node_modules). Paths are mapped back in standalone-layout.
  const base = parse(options.cwd).root;
  let result: Awaited<ReturnType<NodeFileTrace>>;
  try {
    result = await (await loadNft())(entries, { base, processCwd: options.cwd });
  } finally {
    if (shim) delete globals.__non_webpack_require__;
  }
  const files: string[] = [];
  const links = new Map<string, string>();
  await Promise.all(
    [...result.fileList].map(async (path) => {
      const file = join(base, path);
      const info = await lstat(file).catch(() => null);
      if (info?.isSymbolicLink()) links.set(file, await realpath(file));
      else if (info?.isFile()) files.push(file);
    }),
  );
  return { files: files.sort(), links, warnings: [...result.warnings].map((warning) => warning.message) };
}

async function loadNft(): Promise<NodeFileTrace> {
  try {
    return (await import('@vercel/nft')).nodeFileTrace;
  } catch (cause) {
    throw Object.assign(
      new Error(
        `The Node adapter could not load @vercel/nft, which finds the node_modules files a standalone build needs (${(cause as Error).message}).\n  Fix: reinstall dependencies (npm install) so that @nexxo/adapter-node's dependency @vercel/nft is present.`,
        { cause },
      ),
      { code: 'NEXXO_ADAPTER_DEPENDENCY_MISSING' },
    );
  }
}
