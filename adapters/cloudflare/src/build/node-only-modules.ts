import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Node built-ins that `nodejs_compat` does not make useful on Workers: there is no process to
 * spawn, no thread to start, and the app's files are not on the Worker's file system.
 */
const UNSUPPORTED_BUILTINS = new Map<string, string>([
  ['fs', "the app's files are not on the Worker's file system"],
  ['fs/promises', "the app's files are not on the Worker's file system"],
  ['child_process', 'a Worker cannot start processes'],
  ['cluster', 'a Worker cannot start processes'],
  ['worker_threads', 'a Worker cannot start threads'],
  ['v8', 'V8 internals are not exposed on Workers'],
  ['inspector', 'the inspector API is not available on Workers'],
  ['repl', 'there is no REPL on Workers'],
]);

/** Packages that load a compiled Node.js addon (`.node`), which workerd cannot load. */
const NATIVE_PACKAGES = new Set(['sharp', 'classic-level', 'leveldown', 'better-sqlite3', 'sqlite3', 'canvas', 'bcrypt', 'argon2', '@swc/core', 'rolldown', 're2', 'node-pty', 'cpu-features', 'ssh2']);
const NATIVE_HELPERS = ['node-gyp-build', 'bindings', 'prebuild-install', 'node-addon-api', 'node-pre-gyp', '@mapbox/node-pre-gyp', 'napi-postinstall'];

export interface NodeOnlyUse {
  module: string;
  reason: string;
  native: boolean;
  /** App files (relative to the root) whose server code reaches the module; empty if unknown. */
  files: string[];
}

const IMPORT_PATTERNS = [/\bfrom\s*["']([^"']+)["']/g, /\bimport\s*["']([^"']+)["']/g, /\bimport\(\s*["']([^"']+)["']\s*\)/g, /\brequire\(\s*["']([^"']+)["']\s*\)/g];

/**
 * Finds Node-only modules that the build's server code imports, and the route files that reach
 * them, from the server bundles (`server/rsc`, `server/ssr`): their chunks keep import statements
 * for externals and built-ins, and the rsc entry maps each route file to its chunk.
 */
export function findNodeOnlyModules(options: { root: string; outDir: string; allow?: string[] }): NodeOnlyUse[] {
  const allow = new Set(options.allow ?? []);
  const files = ['rsc', 'ssr'].flatMap((env) => listJs(join(options.outDir, 'server', env)));
  const imports = new Map<string, { local: string[]; bare: string[] }>();
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    const local: string[] = [];
    const bare: string[] = [];
    for (const pattern of IMPORT_PATTERNS)
      for (const match of code.matchAll(pattern)) {
        const specifier = match[1]!;
        if (specifier.startsWith('.')) local.push(resolve(dirname(file), specifier));
        else bare.push(specifier);
      }
    imports.set(file, { local, bare });
  }

  const found = new Map<string, NodeOnlyUse>();
  const offenders = new Map<string, Set<string>>();
  for (const [file, { bare }] of imports)
    for (const specifier of bare) {
      const use = classify(specifier, options.root);
      if (!use || allow.has(use.module) || allow.has(specifier)) continue;
      if (!found.has(use.module)) found.set(use.module, { ...use, files: [] });
      if (!offenders.has(use.module)) offenders.set(use.module, new Set());
      offenders.get(use.module)!.add(file);
    }
  if (found.size === 0) return [];

  for (const [entryChunk, appFile] of routeFileChunks(join(options.outDir, 'server', 'rsc'))) {
    const reached = reachable(entryChunk, imports);
    for (const [module, chunks] of offenders) if ([...chunks].some((chunk) => reached.has(chunk))) found.get(module)!.files.push(appFile);
  }
  return [...found.values()];
}

/** Whether an import specifier names a Node-only module, and why. */
function classify(specifier: string, root: string): Omit<NodeOnlyUse, 'files'> | null {
  const builtin = specifier.replace(/^node:/, '');
  const reason = UNSUPPORTED_BUILTINS.get(builtin);
  if (reason) return { module: builtin, reason, native: false };
  if (specifier.startsWith('node:') || specifier.endsWith('.node')) return specifier.endsWith('.node') ? { module: specifier, reason: 'it is a compiled Node.js addon, which workerd cannot load', native: true } : null;
  const name = packageName(specifier);
  if (name && isNativePackage(name, root)) return { module: name, reason: 'it loads a compiled Node.js addon (a `.node` binary), which workerd cannot load', native: true };
  return null;
}

function packageName(specifier: string): string | null {
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  return /^(@[\w.-]+\/)?[\w.-]+$/.test(name) ? name : null;
}

function isNativePackage(name: string, root: string): boolean {
  if (NATIVE_PACKAGES.has(name)) return true;
  for (let dir = root; ; dir = dirname(dir)) {
    const manifest = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { gypfile?: boolean; binary?: unknown; dependencies?: Record<string, string> };
      return pkg.gypfile === true || pkg.binary !== undefined || NATIVE_HELPERS.some((helper) => pkg.dependencies?.[helper] !== undefined);
    }
    if (dirname(dir) === dir) return false;
  }
}

/** rsc chunk file → the app file it was built from, read from the route tree in the rsc entry. */
function routeFileChunks(rscDir: string): Map<string, string> {
  const entry = join(rscDir, 'index.js');
  const result = new Map<string, string>();
  if (!existsSync(entry)) return result;
  const code = readFileSync(entry, 'utf8');
  for (const match of code.matchAll(/files:\s*\{([^}]*)\},\s*paths:\s*\{([^}]*)\}/g)) {
    const chunks = new Map([...match[1]!.matchAll(/"([\w-]+)":\s*\(\)\s*=>\s*import\("([^"]+)"\)/g)].map((item) => [item[1]!, resolve(rscDir, item[2]!)]));
    for (const item of match[2]!.matchAll(/"([\w-]+)":\s*"([^"]+)"/g)) {
      const chunk = chunks.get(item[1]!);
      if (chunk) result.set(chunk, item[2]!);
    }
  }
  return result;
}

function reachable(start: string, imports: Map<string, { local: string[] }>): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  while (queue.length > 0) for (const next of imports.get(queue.pop()!)?.local ?? []) if (!seen.has(next)) (seen.add(next), queue.push(next));
  return seen;
}

function listJs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The URL path a route file serves: `app/(shop)/items/[id]/page.tsx` → `/items/[id]`. */
export function routeOfFile(file: string): string {
  const parts = file.split('/');
  const appIndex = parts.indexOf('app');
  const segments = parts.slice(appIndex + 1, -1).filter((part) => !/^\(.*\)$/.test(part) && !part.startsWith('@'));
  return '/' + segments.join('/');
}

/** The build error: each module, why it cannot run, where it is imported from, and the fix. */
export function nodeOnlyModulesError(uses: NodeOnlyUse[], root: string): Error {
  const lines = uses.map((use) => {
    const where = use.files.length > 0 ? use.files.map((file) => `${file} (route ${routeOfFile(file)})`).join(', ') : 'server code shared by every route (or a client component rendered on the server)';
    const fix = use.native
      ? use.module === 'sharp'
        ? 'resize images with Cloudflare Images instead (nexxo/image works without sharp on Workers), or deploy with the node adapter.'
        : `use a package that runs on Workers (pure JavaScript or WebAssembly) instead of ${use.module}, or deploy with the node adapter.`
      : use.module.startsWith('fs')
        ? 'import the data at build time (a JSON import or `?raw`) so that it is bundled, or store it in KV, R2 or D1 and read it through getPlatformEnv() from "nexxo/cloudflare".'
        : 'call a service over fetch() instead, or deploy with the node adapter.';
    return `  - "${use.module}": ${use.reason}.\n    Imported by: ${where}\n    Fix: ${fix}`;
  });
  return Object.assign(
    new Error(
      `Cloudflare adapter: server code imports Node.js modules that do not run on Workers (nodejs_compat does not provide them):\n${lines.join('\n')}\n` +
        `  If an import is never reached on Workers (a fallback in a library), allow it: adapter: cloudflare({ allowNodeModules: [${uses.map((use) => JSON.stringify(use.module)).join(', ')}] }) in nexxo.config.`,
    ),
    { code: 'NEXXO_CF_NODE_MODULE', root },
  );
}
