// `npm run bench` — Nexxo against Next.js 16 (Turbopack, telemetry off), and vinext with --tools
// nexxo,next,vinext, on the same generated app, in the same run, tools alternating, medians of --runs runs:
//   - production build: wall time and peak RSS of the whole process tree (sampled from /proc);
//   - first-load JS for /: the .js responses Chromium actually receives, raw, gzip -9 and brotli -11;
//   - production serving on 127.0.0.1 with autocannon (50 connections): a static page, a dynamic SSR
//     page and a streamed Suspense page, requests/s and p50/p99 latency;
//   - then the dev metrics, by running dev-bench.mjs with the same routes, runs and tools.
// Writes results/bench-<date>.json and docs/benchmarks/latest.md + index.html (latest-<size>.md +
// <size>.html for the medium and large apps).
//   node src/bench.mjs [--size small|medium|large] [--tools nexxo,next[,vinext]] [--runs 3] [--duration 10] [--skip-dev]
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { commands, installPeers, parseTools, peerVersions, writeApp } from './peers.mjs';
import { runMeasured, stopTree } from './process-tree.mjs';
import { htmlPage, markdownPage, markdownTable } from './report.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const bench = resolve(here, '..');
const repo = resolve(bench, '..');
const peers = join(bench, 'peers');
const sizes = { small: { routes: 30, components: 0 }, medium: { routes: 300, components: 1500 }, large: { routes: 1000, components: 5000 } };
const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'small' },
    tools: { type: 'string', default: 'nexxo,next' },
    runs: { type: 'string', default: '3' },
    duration: { type: 'string', default: '10' },
    'skip-dev': { type: 'boolean', default: false },
  },
});
if (!sizes[values.size]) throw new Error(`--size must be one of ${Object.keys(sizes).join(', ')}, not "${values.size}".`);
const { routes, components } = sizes[values.size];
const tools = parseTools(values.tools);
// Other work on the machine skews every number here; the load average before and after says how much there was.
const loadBefore = loadavg()[0];
const runs = Number(values.runs);
const duration = Number(values.duration);

installPeers(tools, { loadGenerator: true });
const autocannon = createRequire(join(peers, 'package.json'))('autocannon');
const { chromium } = await import(join(repo, 'node_modules', 'playwright-core', 'index.mjs'));

const apps = {};
let pagePaths = [];
for (const tool of tools) ({ dir: apps[tool], pagePaths } = writeApp(tool, values.size, { routes, components }));
const pages = { static: '/section-0/page-0', dynamic: '/dynamic', streamed: '/streamed' };
// A marker that only appears once the page has rendered completely (the streamed one after its Suspense boundary resolved).
const markers = { static: 'Static content for page 0', dynamic: 'Rendered per request', streamed: 'id="streamed"' };

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };

function freePort() {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

function median(list) {
  const sorted = list.filter((value) => value !== undefined).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : undefined;
}

async function startServer(tool) {
  const port = await freePort();
  const [command, args] = commands[tool].start(apps[tool], port);
  const child = spawn(command, args, { cwd: apps[tool], env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (data) => (output += data));
  child.stderr.on('data', (data) => (output += data));
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
    try {
      const response = await fetch(url + '/');
      await response.text();
      if (response.status === 200) return { url, child };
    } catch {
      // not listening yet
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }
  await stopTree(child);
  throw new Error(`${tool} start never answered / with 200:\n${output}`);
}

/** The JavaScript a fresh browser downloads to show / (until the network is idle), by decoded body. */
async function firstLoadJs(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies = [];
  page.on('response', (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (response.request().resourceType() === 'script' || /javascript/.test(type) || /\.m?js(\?|$)/.test(response.url())) bodies.push(response.body().catch(() => undefined));
  });
  await page.goto(url + '/', { waitUntil: 'networkidle' });
  await page.waitForSelector('#counter');
  const files = (await Promise.all(bodies)).filter(Boolean);
  await context.close();
  const sum = (compress) => files.reduce((total, body) => total + compress(body).length, 0);
  return {
    jsFiles: files.length,
    jsRaw: sum((body) => body),
    jsGzip: sum((body) => gzipSync(body, { level: 9 })),
    jsBrotli: sum((body) => brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } })),
  };
}

async function load(url) {
  // A short warm-up so JIT and caches settle; its numbers are discarded.
  await autocannon({ url, connections: 50, duration: 2 });
  const result = await autocannon({ url, connections: 50, duration });
  if (result.non2xx || result.errors || result.timeouts) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts under load`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

const keys = ['buildMs', 'buildRss', 'jsRaw', 'jsGzip', 'jsBrotli', 'jsFiles', ...Object.keys(pages).flatMap((name) => [`${name}Rps`, `${name}P50`, `${name}P99`])];
const samples = Object.fromEntries(tools.map((tool) => [tool, Object.fromEntries(keys.map((key) => [key, []]))]));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  for (let run = 1; run <= runs; run++) {
    for (const tool of run % 2 ? tools : [...tools].reverse()) {
      const dir = apps[tool];
      for (const path of commands[tool].caches(dir)) rmSync(path, { recursive: true, force: true });
      const [command, args] = commands[tool].build(dir);
      const build = await runMeasured(command, args, { cwd: dir, env });
      const sample = samples[tool];
      sample.buildMs.push(build.wallMs);
      sample.buildRss.push(build.peakRss);
      const server = await startServer(tool);
      try {
        for (const [name, path] of Object.entries(pages)) {
          const body = await (await fetch(server.url + path)).text();
          if (!body.includes(markers[name])) throw new Error(`${tool} ${path} did not render "${markers[name]}"`);
        }
        const js = await firstLoadJs(browser, server.url);
        for (const [key, value] of Object.entries(js)) sample[key].push(value);
        const line = [`run ${run} ${tool}: build ${Math.round(build.wallMs)} ms, ${(build.peakRss / 1e6).toFixed(0)} MB; first-load JS ${(js.jsGzip / 1e3).toFixed(1)} kB gzip`];
        for (const [name, path] of Object.entries(pages)) {
          const { rps, p50, p99 } = await load(server.url + path);
          sample[`${name}Rps`].push(rps);
          sample[`${name}P50`].push(p50);
          sample[`${name}P99`].push(p99);
          line.push(`${name} ${Math.round(rps)} req/s (p99 ${p99} ms)`);
        }
        console.log(line.join('; '));
      } finally {
        await stopTree(server.child);
      }
    }
  }
} finally {
  await browser.close();
}

const summary = Object.fromEntries(tools.map((tool) => [tool, Object.fromEntries(keys.map((key) => [key, median(samples[tool][key])]))]));
let dev;
if (!values['skip-dev']) {
  // dev-bench alternates the tools itself; its results file is the newest dev-*.json afterwards.
  console.log('\nDev metrics (src/dev-bench.mjs) …');
  execFileSync(process.execPath, [join(here, 'dev-bench.mjs'), '--routes', String(routes), '--components', String(components), '--runs', String(runs), '--tools', tools.join(',')], { cwd: bench, stdio: 'inherit' });
  const latest = readdirSync(join(bench, 'results')).filter((name) => name.startsWith('dev-')).sort().at(-1);
  dev = JSON.parse(readFileSync(join(bench, 'results', latest), 'utf8'));
  const devKeys = { ready: 'devReady', firstPageCold: 'devFirstPageCold', firstPageWarm: 'devFirstPageWarm', hmrClient: 'devHmrClient', hmrServer: 'devHmrServer', rss: 'devRss' };
  for (const tool of tools) for (const [from, to] of Object.entries(devKeys)) summary[tool][to] = dev.summary[tool]?.[from];
}

const cpuModel = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown CPU';
const os = /PRETTY_NAME="?([^"\n]*)/.exec(existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '')?.[1] ?? process.platform;
const result = {
  date: new Date().toISOString(),
  command: `npm run bench -- --size ${values.size} --tools ${tools.join(',')} --runs ${runs} --duration ${duration}${values['skip-dev'] ? ' --skip-dev' : ''}`,
  size: values.size,
  routes: pagePaths.length,
  components,
  runs,
  tools,
  machine: { cpus: cpus().length, cpuModel, ramGb: Math.round(totalmem() / 2 ** 30), os, node: process.version, loadAverage: [loadBefore, loadavg()[0]] },
  peers: peerVersions(tools),
  load: `autocannon, 50 connections, ${duration} s after a 2 s warm-up, pages ${Object.values(pages).join(', ')}, run on the same machine as the server`,
  pages,
  samples,
  summary,
  dev: dev && { file: dev.date, routes: dev.routes, samples: dev.samples },
};
mkdirSync(join(bench, 'results'), { recursive: true });
const file = join(bench, 'results', `bench-${result.date.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify(result, null, 2));
// The small app's report is the headline (latest.md, index.html); other sizes get their own pair.
const [page, chart] = values.size === 'small' ? ['latest.md', 'index.html'] : [`latest-${values.size}.md`, `${values.size}.html`];
mkdirSync(join(repo, 'docs', 'benchmarks'), { recursive: true });
writeFileSync(join(repo, 'docs', 'benchmarks', page), markdownPage(result, chart));
writeFileSync(join(repo, 'docs', 'benchmarks', chart), htmlPage(result));
console.log(`\n${markdownTable(result)}\n\nRaw samples: ${file}\nWritten: docs/benchmarks/${page}, docs/benchmarks/${chart}`);
