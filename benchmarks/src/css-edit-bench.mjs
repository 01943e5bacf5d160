// How long a stylesheet edit takes to reach open pages in `nexxo dev`: from the file write to the
// `css-update` event on the dev server's event stream (what the browser acts on). Runs on a copy of
// fixtures/site (Tailwind, CSS Modules, Sass). Usage: npm run bench:css -- [--runs 7]
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 7;
const fixture = join(repo, 'fixtures/site');
// Inside the repo, so the app resolves nexxo, React and Tailwind from the workspace.
const root = mkdtempSync(join(repo, '.cache', 'bench-css-'));
cpSync(fixture, root, { recursive: true, filter: (source) => !/(^|\/)(\.nexxo|tests|node_modules)(\/|$)/.test(relative(fixture, source)) });

const port = await new Promise((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = server.address();
    server.close(() => resolve(free));
  });
});
const dev = spawn(process.execPath, [join(repo, 'framework/dist/bin/nexxo.js'), 'dev', root, '--port', String(port), '--hostname', '127.0.0.1'], { stdio: 'ignore' });
const url = `http://127.0.0.1:${port}`;
try {
  for (let attempt = 0; ; attempt++) {
    try {
      await (await fetch(`${url}/site`)).text();
      break;
    } catch {
      if (attempt > 100) throw new Error('the dev server did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const edits = [
    ['a CSS Module', 'app/page.module.css', 'rgb(0, 128, 0)', 'rgb(1, 2, 3)'],
    ['a global stylesheet @imported by Tailwind CSS', 'app/theme.css', 'rgb(200, 50, 50)', 'rgb(1, 50, 50)'],
    ['a Sass partial', 'components/_palette.scss', 'rgb(255, 0, 128)', 'rgb(1, 0, 128)'],
  ];
  console.log(`CSS edit → css-update event, nexxo dev, median of ${runs}\n`);
  console.log('| edited file | median | min | max |\n| --- | ---: | ---: | ---: |');
  for (const [label, path, from, to] of edits) {
    const times = await measure(join(root, path), from, to);
    console.log(`| ${label} (\`${path}\`) | ${times[Math.floor(times.length / 2)]} ms | ${times[0]} ms | ${times[times.length - 1]} ms |`);
  }
} finally {
  dev.kill();
  rmSync(root, { recursive: true, force: true });
}

async function measure(file, from, to) {
  const response = await fetch(`${url}/site/_nexxo/dev/events`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const original = readFileSync(file, 'utf8');
  const times = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    writeFileSync(file, run % 2 === 0 ? original.replace(from, to) : original);
    for (;;) {
      const { value } = await reader.read();
      if (decoder.decode(value).includes('css-update')) break;
    }
    times.push(Math.round(performance.now() - started));
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  writeFileSync(file, original);
  await reader.cancel();
  return times.sort((a, b) => a - b);
}
