import type { BuildEnvironmentsResult } from '@nexxo/compiler';
import type { PersistentCache } from '@nexxo/compiler/persistent-cache';
import { POSTCSS_CONFIG_FILES } from '@nexxo/compiler/postcss-config';
import { CONFIG_FILE_NAMES, envFileNames } from '../config/index.js';
import { MDX_COMPONENTS_FILES } from '../build/find-mdx-components.js';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cp, mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { devCacheDir } from './dev-cache-store.js';

interface SnapshotRecord {
  /** Nexxo version + lockfile + config + the app's folder: any change invalidates the snapshot. */
  fingerprint: string;
  routes: string[];
  /** Folder (under the cache dir) holding a copy of the build output. */
  folder: string;
  /** Content hash of every app source file the build compiled. */
  inputs: Record<string, string>;
  /** The app/ tree when it was built: a route file added or removed since makes it stale. */
  tree: string;
  result: SerializedResult;
}

const SNAPSHOT_KEY = 'dev-snapshot';
const SAVE_DELAY_MS = 1500;

/**
 * Restores the last dev build after a restart when nothing it was built from has changed, so the
 * first page needs no compile. Saving happens in the background, after edits settle.
 */
export class DevCache {
  readonly #root: string;
  readonly #dir: string;
  readonly #store: PersistentCache;
  readonly #fingerprint: string;
  #saveTimer: ReturnType<typeof setTimeout> | undefined;
  #saving: Promise<void> = Promise.resolve();
  #pendingSave: (() => Promise<void>) | undefined;

  constructor(root: string, nexxoVersion: string, store: PersistentCache) {
    this.#root = root;
    this.#dir = devCacheDir(root);
    this.#store = store;
    // The app's own path is part of it: a copied or moved app must not reuse a build of the original.
    this.#fingerprint = hash([nexxoVersion, nexxoBuildStamp(), root, lockfileHash(root), configHash(root)].join('\0'));
  }

  /**
   * The saved build, moved into `outDir`, if it covers `routeId` and its inputs are unchanged.
   * Moved, not copied (copying took longer than the rest of the restore): the caller saves the
   * restored build again, in the background, like any other.
   */
  async restore(routeId: string, outDir: string, tree: string): Promise<{ routes: Set<string>; result: BuildEnvironmentsResult } | null> {
    const record = await this.#store.get<SnapshotRecord>(SNAPSHOT_KEY);
    if (!record || record.fingerprint !== this.#fingerprint || record.tree !== tree || !record.routes.includes(routeId)) return null;
    for (const [file, digest] of Object.entries(record.inputs)) if (fileHash(file) !== digest) return null;
    const folder = join(this.#dir, record.folder);
    if (!existsSync(folder)) return null;
    await mkdir(dirname(outDir), { recursive: true });
    try {
      await rename(folder, outDir);
    } catch {
      // Another file system, say: copy instead.
      await cp(folder, outDir, { recursive: true });
    }
    return { routes: new Set(record.routes), result: deserialize(record.result) };
  }

  /**
   * Saves this build once edits settle (a copy of the output plus a record of its inputs). The
   * inputs are hashed now, as built: a later edit must not be recorded as part of this build.
   */
  scheduleSave(routes: Set<string>, result: BuildEnvironmentsResult, outDir: string, tree: string): void {
    clearTimeout(this.#saveTimer);
    const inputs = this.#hashInputs(result);
    this.#pendingSave = () => this.#save([...routes], result, outDir, inputs, tree);
    this.#saveTimer = setTimeout(() => this.#flush(), SAVE_DELAY_MS);
    this.#saveTimer.unref();
  }

  /** Saves what is pending (a server stopped right after a build keeps it) and closes the store. */
  async close(): Promise<void> {
    clearTimeout(this.#saveTimer);
    this.#flush();
    await this.#saving;
    await this.#store.close();
  }

  #flush(): void {
    const save = this.#pendingSave;
    this.#pendingSave = undefined;
    if (save) this.#saving = this.#saving.then(save).catch(() => {});
  }

  /** A build failed after the last save was scheduled: the output on disk is not worth keeping. */
  cancelPendingSave(): void {
    clearTimeout(this.#saveTimer);
    this.#pendingSave = undefined;
  }

  #hashInputs(result: BuildEnvironmentsResult): Record<string, string> {
    const inputs: Record<string, string> = {};
    // Module ids may carry a query (`x.svg?raw`); stylesheets read files that are not modules.
    const files = [...result.serverModules, ...result.client.moduleChunks.keys(), ...result.stylesheetInputs].map((id) => id.replace(/\?.*$/, ''));
    for (const file of new Set(files)) {
      if (!file.startsWith(this.#root + sep) || file.includes(`${sep}node_modules${sep}`) || file.includes(`${sep}.nexxo${sep}`) || file.startsWith('\0')) continue;
      const digest = fileHash(file);
      if (digest) inputs[file] = digest;
    }
    return inputs;
  }

  async #save(routes: string[], result: BuildEnvironmentsResult, outDir: string, inputs: Record<string, string>, tree: string): Promise<void> {
    const previous = await this.#store.get<SnapshotRecord>(SNAPSHOT_KEY);
    const folder = `snapshot-${Date.now().toString(36)}`;
    await cp(outDir, join(this.#dir, folder), { recursive: true });
    await this.#store.put(SNAPSHOT_KEY, { fingerprint: this.#fingerprint, routes, folder, inputs, tree, result: serialize(result) } satisfies SnapshotRecord);
    if (previous && previous.folder !== folder) await rm(join(this.#dir, previous.folder), { recursive: true, force: true });
  }
}

function hash(text: string | Buffer): string {
  return createHash('sha1').update(text).digest('base64url');
}

function fileHash(file: string): string | null {
  try {
    return hash(readFileSync(file));
  } catch {
    return null;
  }
}

/** The nearest lockfile up from the app: a dependency change invalidates the cache. */
function lockfileHash(root: string): string {
  for (let dir = root; ; dir = dirname(dir)) {
    for (const name of ['package-lock.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lock', 'bun.lockb']) {
      const digest = fileHash(join(dir, name));
      if (digest) return digest;
    }
    if (dirname(dir) === dir) return 'none';
  }
}

/** Files that change how the whole app compiles: its config, env files, PostCSS config, tsconfig, mdx-components. */
function configHash(root: string): string {
  return [...CONFIG_FILE_NAMES, ...envFileNames('development'), ...POSTCSS_CONFIG_FILES, 'tsconfig.json', ...MDX_COMPONENTS_FILES].map((name) => fileHash(join(root, name)) ?? '-').join(',');
}

type Entries<T> = T extends Map<infer K, infer V> ? Array<[K, V]> : never;

type SerializedResult = Omit<BuildEnvironmentsResult, 'reachableClientReferences' | 'serverModules' | 'client' | 'rebuilt' | 'styles' | 'stylesheets' | 'importGraphs'> & {
  reachableClientReferences: Array<[string, string[]]>;
  styles: Entries<BuildEnvironmentsResult['styles']>;
  stylesheets: Entries<BuildEnvironmentsResult['stylesheets']>;
  importGraphs: { rsc: Array<[string, string[]]>; client: Array<[string, string[]]> };
  serverModules: string[];
  client: Omit<BuildEnvironmentsResult['client'], 'moduleChunks' | 'entryModules'> & { moduleChunks: Array<[string, string]>; entryModules: string[] };
};

function serialize(result: BuildEnvironmentsResult): SerializedResult {
  return {
    clientReferences: result.clientReferences,
    dirs: result.dirs,
    reachableClientReferences: [...result.reachableClientReferences],
    serverModules: [...result.serverModules],
    client: { ...result.client, moduleChunks: [...result.client.moduleChunks], entryModules: [...result.client.entryModules] },
    styles: [...result.styles],
    stylesheetInputs: result.stylesheetInputs,
    stylesheets: [...result.stylesheets],
    importGraphs: { rsc: [...result.importGraphs.rsc], client: [...result.importGraphs.client] },
  };
}

function deserialize(result: SerializedResult): BuildEnvironmentsResult {
  return {
    clientReferences: result.clientReferences,
    dirs: result.dirs,
    reachableClientReferences: new Map(result.reachableClientReferences),
    serverModules: new Set(result.serverModules),
    client: { ...result.client, moduleChunks: new Map(result.client.moduleChunks), entryModules: new Set(result.client.entryModules) },
    styles: new Map(result.styles),
    stylesheetInputs: result.stylesheetInputs ?? [],
    stylesheets: new Map(result.stylesheets),
    importGraphs: { rsc: new Map(result.importGraphs.rsc), client: new Map(result.importGraphs.client) },
    rebuilt: new Set(['rsc', 'client', 'ssr']),
  };
}

/**
 * When Nexxo's own compiled files last changed, from the build info TypeScript writes next to
 * them (absent from a published package, where the version says it all): working on Nexxo from
 * its repository, a rebuilt framework must not reuse output the old one compiled.
 */
function nexxoBuildStamp(): string {
  const dist = fileURLToPath(new URL('../', import.meta.url));
  const infos = [join(dist, '.tsbuildinfo'), join(dist, 'client', '.tsbuildinfo'), join(dist, '..', '..', 'compiler', 'dist', '.tsbuildinfo')];
  return infos.map((file) => (existsSync(file) ? String(statSync(file).mtimeMs) : '')).join(',');
}
