import { createRequire } from 'node:module';
import { copyFile, cp, mkdir, readdir, realpath, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { standaloneLayout } from './standalone-layout.js';
import { traceServerFiles } from './trace-server-files.js';

export interface StandaloneOutput {
  dir: string;
  files: number;
  bytes: number;
  /** Of which in node_modules. */
  modules: { files: number; bytes: number };
  /** Traced files left out because they are outside the app and every node_modules it uses. */
  skipped: string[];
  warnings: string[];
}

const SERVER_JS = `// Written by @nexxo/adapter-node (nexxo build --adapter node). Starts this app:
//   PORT (default 3000) and HOSTNAME (default 0.0.0.0) choose where it listens;
//   SIGTERM stops it once in-flight requests have finished.
import { runStandaloneServer } from '@nexxo/adapter-node/standalone-server';

await runStandaloneServer(new URL('.', import.meta.url));
`;

/** The build folders the server reads; `cache/`, `dev/` and earlier adapters' output stay behind. */
const BUILD_PARTS = ['manifest.json', 'server', 'static', 'prerendered'];

/**
 * Writes `<outDir>/standalone`: `server.js`, the build, and only the node_modules files that the
 * server and the build's server bundles load (externals such as `nexxo/og` and
 * `serverExternalPackages`, sharp's native binaries). The folder runs with `node server.js` from
 * anywhere: workspace packages linked into node_modules are copied as real files.
 */
export async function writeStandalone({ root, outDir }: { root: string; outDir: string }): Promise<StandaloneOutput> {
  const dir = join(outDir, 'standalone');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  // Written before tracing, inside the app, so that its imports resolve the way the app's do.
  const serverJs = join(dir, 'server.js');
  await writeFile(serverJs, SERVER_JS);
  checkServerResolves(serverJs);

  const bundles = ['rsc', 'ssr'].map((env) => join(outDir, 'server', env, 'index.js'));
  const traced = await traceServerFiles([serverJs, ...bundles], { cwd: root });
  // nft reports real paths; compare them with the real app folder (/tmp is /private/tmp on macOS).
  const [realRoot, realOutDir] = await Promise.all([realpath(root), realpath(outDir)]);
  const layout = standaloneLayout({ root: realRoot, links: traced.links });

  await Promise.all(BUILD_PARTS.filter((part) => existsSync(join(outDir, part))).map((part) => cp(join(outDir, part), join(dir, '.nexxo', part), { recursive: true })));
  const skipped: string[] = [];
  const copies: Array<[string, string]> = [];
  for (const file of traced.files) {
    if (isInside(file, realOutDir)) continue; // the build itself, copied above
    const place = layout.place(file);
    if (place) copies.push([file, join(dir, place)]);
    else skipped.push(file);
  }
  await inBatches(copies, async ([from, to]) => {
    await mkdir(dirname(to), { recursive: true });
    await copyFile(from, to);
  });
  for (const link of traced.links.keys()) {
    const target = layout.linkTarget(link);
    const place = layout.place(link);
    if (target === null || !place) continue;
    await mkdir(dirname(join(dir, place)), { recursive: true });
    await symlink(target, join(dir, place)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
  // server.js and the server bundles are ES modules, whatever the app's own package.json says.
  await writeFile(join(dir, 'package.json'), JSON.stringify({ private: true, type: 'module' }, null, 2) + '\n');
  return { dir, ...(await measure(dir)), skipped, warnings: traced.warnings };
}

function checkServerResolves(serverJs: string): void {
  try {
    createRequire(serverJs).resolve('@nexxo/adapter-node/standalone-server');
  } catch (cause) {
    throw Object.assign(
      new Error(
        `The standalone server imports @nexxo/adapter-node, which cannot be resolved from ${dirname(serverJs)}.\n  Fix: add it to the app's dependencies (npm install @nexxo/adapter-node), so it is in a node_modules folder the app can see.`,
        { cause },
      ),
      { code: 'NEXXO_ADAPTER_DEPENDENCY_MISSING' },
    );
  }
}

async function measure(dir: string): Promise<Omit<StandaloneOutput, 'dir' | 'skipped' | 'warnings'>> {
  const total = { files: 0, bytes: 0 };
  const modules = { files: 0, bytes: 0 };
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  await inBatches(
    entries.filter((entry) => entry.isFile()),
    async (entry) => {
      const path = join(entry.parentPath, entry.name);
      const { size } = await stat(path);
      total.files++;
      total.bytes += size;
      if (relative(dir, path).split(sep)[0] === 'node_modules') {
        modules.files++;
        modules.bytes += size;
      }
    },
  );
  return { ...total, modules };
}

/** Runs `task` over `items`, 64 at a time: enough to keep the disk busy without running out of file handles. */
async function inBatches<T>(items: T[], task: (item: T) => Promise<void>): Promise<void> {
  for (let index = 0; index < items.length; index += 64) await Promise.all(items.slice(index, index + 64).map(task));
}

function isInside(file: string, folder: string): boolean {
  const path = relative(folder, file);
  return path !== '' && !path.startsWith('..');
}
