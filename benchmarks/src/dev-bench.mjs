// `npm run bench:dev` — Nexxo dev vs Next.js 16 dev (Turbopack), and vinext (Vite) with --tools
// nexxo,next,vinext, on the same generated app, in the same run, tools alternating, medians of --runs
// runs. Reports ratios (Nexxo / each peer).
// RSS is read after visiting the first 100 routes (all of them in a smaller app).
//   node src/dev-bench.mjs [--routes 30] [--components 0] [--runs 5] [--tools nexxo,next[,vinext]]
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { commands, installPeers, parseTools, writeApp } from './peers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const { values } = parseArgs({ options: { routes: { type: 'string', default: '30' }, components: { type: 'string', default: '0' }, runs: { type: 'string', default: '5' }, tools: { type: 'string', default: 'nexxo,next' } } });
const routes = Number(values.routes);
const components = Number(values.components);
const runs = Number(values.runs);
const tools = parseTools(values.tools);
const { chromium } = await import(join(repo, 'node_modules', 'playwright-core', 'index.mjs'));

installPeers(tools);
const apps = {};
let pagePaths = [];
for (const tool of tools) ({ dir: apps[tool], pagePaths } = writeApp(tool, components ? `${routes}-${components}` : String(routes), { routes, components }));
const visited = pagePaths.slice(0, 100);

function freePort() {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** RSS of a process and all its descendants, from /proc. */
function treeRss(pid) {
  let total = 0;
  const visit = (id) => {
    try {
      const status = readFileSync(`/proc/${id}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      for (const task of readdirSync(`/proc/${id}/task`)) {
        const children = readFileSync(`/proc/${id}/task/${task}/children`, 'utf8').trim();
        for (const child of children ? children.split(' ') : []) visit(Number(child));
      }
    } catch {
      // the process ended
    }
  };
  visit(pid);
  return total;
}

async function start(tool) {
  const port = await freePort();
  const cwd = apps[tool];
  const { command, args, ready } = commands[tool].dev(cwd, port);
  const started = performance.now();
  const child = spawn(command, args, { cwd, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'development' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  let readyAt;
  const onData = (data) => {
    output += data;
    if (readyAt === undefined && ready.test(output)) readyAt = performance.now() - started;
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const url = `http://127.0.0.1:${port}`;
  let firstPage;
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; ) {
    try {
      const response = await fetch(url + '/');
      if (response.status === 200) {
        await response.text();
        firstPage = performance.now() - started;
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 10));
  }
  if (firstPage === undefined) throw new Error(`${tool} never answered / with 200:\n${output}`);
  return {
    url,
    readyAt,
    firstPage,
    child,
    stop: () =>
      new Promise((resolveStop) => {
        child.once('exit', resolveStop);
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          resolveStop();
        }
        setTimeout(() => {
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {}
        }, 5000);
      }),
  };
}

/** Edit saved → DOM updated, measured in the page (MutationObserver), p50 of `count` edits. */
async function hmr(page, dir, file, from, to, selector, count = 5) {
  const path = join(dir, file);
  const original = readFileSync(path, 'utf8');
  const times = [];
  try {
    for (let index = 0; index < count; index++) {
      const text = `${to} ${index}`;
      await page.evaluate(([sel, expected]) => {
        window.__seen = new Promise((resolveSeen) => {
          const check = () => {
            if (document.querySelector(sel)?.textContent?.includes(expected)) {
              resolveSeen(performance.timeOrigin + performance.now());
              return true;
            }
            return false;
          };
          if (!check()) new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
        });
      }, [selector, text]);
      const saved = Date.now();
      writeFileSync(path, original.replace(from, text));
      const seen = await Promise.race([page.evaluate(() => window.__seen), new Promise((_, reject) => setTimeout(() => reject(new Error(`no HMR update for ${file}`)), 30_000))]);
      times.push(seen - saved);
      await page.waitForTimeout(400);
    }
  } finally {
    writeFileSync(path, original);
    await page.waitForTimeout(1500);
  }
  return median(times);
}

function median(values) {
  const sorted = [...values].filter((value) => value !== undefined).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : undefined;
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const samples = Object.fromEntries(tools.map((tool) => [tool, { ready: [], firstPageCold: [], firstPageWarm: [], hmrClient: [], hmrServer: [], rss: [] }]));

for (let run = 1; run <= runs; run++) {
  for (const tool of run % 2 ? tools : [...tools].reverse()) {
    const dir = apps[tool];
    for (const cache of commands[tool].caches(dir)) rmSync(cache, { recursive: true, force: true });
    const cold = await start(tool);
    samples[tool].ready.push(cold.readyAt);
    samples[tool].firstPageCold.push(cold.firstPage);
    const page = await (await browser.newContext()).newPage();
    await page.goto(cold.url + '/');
    await page.waitForSelector('#counter');
    await page.waitForTimeout(1500);
    samples[tool].hmrClient.push(await hmr(page, dir, 'app/counter.tsx', 'count is', 'clicks', '#counter'));
    samples[tool].hmrServer.push(await hmr(page, dir, 'app/page.tsx', 'Benchmark home', 'Edited home', '#title'));
    await page.context().close();
    for (const path of visited) await (await fetch(cold.url + path)).text();
    samples[tool].rss.push(treeRss(cold.child.pid));
    // Let the persistent cache settle before the warm restart.
    await new Promise((resolveWait) => setTimeout(resolveWait, 2500));
    await cold.stop();
    const warm = await start(tool);
    samples[tool].firstPageWarm.push(warm.firstPage);
    await warm.stop();
    console.log(`run ${run} ${tool}: ready ${Math.round(cold.readyAt)} ms, first / ${Math.round(cold.firstPage)} ms (warm ${Math.round(warm.firstPage)} ms)`);
  }
}
await browser.close();

const metrics = [
  ['ready', 'Ready to serve (ms)'],
  ['firstPageCold', 'Start → first / 200, cold (ms)'],
  ['firstPageWarm', 'Start → first / 200, warm cache (ms)'],
  ['hmrClient', 'HMR client component, p50 (ms)'],
  ['hmrServer', 'HMR server component, p50 (ms)'],
  ['rss', `RSS after visiting ${visited.length} routes (MB)`],
];
const summary = Object.fromEntries(tools.map((tool) => [tool, Object.fromEntries(metrics.map(([key]) => [key, median(samples[tool][key])]))]));
const format = (key, value) => (value === undefined ? 'n/a' : key === 'rss' ? (value / 1e6).toFixed(0) : Math.round(value).toString());
const [first, ...others] = tools;
const lines = [
  `| metric | ${tools.join(' | ')} |${others.map((tool) => ` ${first} / ${tool} |`).join('')}`,
  `| --- | ${tools.map(() => '---:').join(' | ')} |${others.map(() => ' ---: |').join('')}`,
  ...metrics.map(([key, label]) => {
    const ratios = others.map((tool) => (summary[first][key] && summary[tool][key] ? (summary[first][key] / summary[tool][key]).toFixed(2) : ''));
    return `| ${label} | ${tools.map((tool) => format(key, summary[tool][key])).join(' | ')} |${ratios.map((ratio) => ` ${ratio} |`).join('')}`;
  }),
];
const report = { date: new Date().toISOString(), node: process.version, routes: pagePaths.length, components, visited: visited.length, runs, machine: `${(await import('node:os')).cpus().length} cores`, samples, summary };
mkdirSync(join(here, '..', 'results'), { recursive: true });
const file = join(here, '..', 'results', `dev-${report.date.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify(report, null, 2));
console.log(`\n${lines.join('\n')}\n\nMedians of ${runs} runs, ${pagePaths.length} routes, ${report.machine}, Node ${process.version}. Raw samples: ${file}`);
