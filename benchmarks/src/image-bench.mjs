// `npm run bench:images` — what the image endpoint saves and how fast it answers. Generates five
// photo-like JPEGs (gradients, soft shapes, grain) of different sizes, builds a small app that
// serves them from public/, starts `nexxo start`, then:
//   - bytes: each image at a few widths as AVIF, WebP and the source format, against the original;
//   - throughput: requests/s for distinct (uncached) requests and for repeats (disk cache hits).
//   node src/image-bench.mjs [--widths 640,1080,1920] [--concurrency 8] [--cached-requests 2000]
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const sharp = createRequire(join(repo, 'package.json'))('sharp');
const { values } = parseArgs({ options: { widths: { type: 'string', default: '640,1080,1920' }, concurrency: { type: 'string', default: '8' }, 'cached-requests': { type: 'string', default: '2000' } } });
const widths = values.widths.split(',').map(Number);
const concurrency = Number(values.concurrency);
const cachedRequests = Number(values['cached-requests']);
const app = join(here, '..', 'apps', 'images-bench');
const cli = join(repo, 'framework/dist/bin/nexxo.js');

/**
 * Deterministic photo-like pixels: a diagonal gradient, soft light and dark discs, texture (noise
 * blurred to a few pixels, like foliage or fabric) and a little sensor grain. Per-pixel noise alone
 * would flatter encoders that smooth it away; flat colour would flatter all of them.
 */
async function photo(width, height, seed) {
  let state = seed * 2654435761;
  const random = () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const from = [40 + random() * 80, 90 + random() * 80, 140 + random() * 100];
  const to = [200 + random() * 55, 120 + random() * 80, 40 + random() * 60];
  const discs = Array.from({ length: 8 }, () => ({ x: random() * width, y: random() * height, r: (0.08 + random() * 0.25) * Math.min(width, height), tint: random() * 70 - 35 }));
  const noise = Buffer.alloc(width * height);
  for (let index = 0; index < noise.length; index++) noise[index] = Math.round(random() * 255);
  const texture = await sharp(noise, { raw: { width, height, channels: 1 } }).blur(2).normalise().raw().toBuffer();
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = (x / width + y / height) / 2;
      let light = 0;
      for (const disc of discs) {
        const dx = x - disc.x;
        const dy = y - disc.y;
        const d2 = dx * dx + dy * dy;
        if (d2 < disc.r * disc.r) light += disc.tint * (1 - Math.sqrt(d2) / disc.r);
      }
      const detail = (texture[y * width + x] - 128) * 0.25 + (random() - 0.5) * 4;
      const offset = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) pixels[offset + c] = Math.max(0, Math.min(255, Math.round(from[c] * (1 - t) + to[c] * t + light + detail)));
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
}

const samples = [
  ['small', 800, 533],
  ['medium', 1600, 1067],
  ['large', 2400, 1600],
  ['camera', 4000, 3000],
  ['portrait', 1200, 1800],
];

console.log(`Generating ${samples.length} images and the app in ${app} …`);
rmSync(app, { recursive: true, force: true });
mkdirSync(join(app, 'public/photos'), { recursive: true });
mkdirSync(join(app, 'app'), { recursive: true });
for (const [index, [name, width, height]] of samples.entries()) writeFileSync(join(app, 'public/photos', `${name}.jpg`), await photo(width, height, index + 1));
writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'images-bench', private: true, type: 'module' }, null, 2));
writeFileSync(join(app, 'nexxo.config.mjs'), "export default { images: { formats: ['image/avif', 'image/webp'] } };\n");
writeFileSync(join(app, 'app/layout.jsx'), 'export default function Layout({ children }) { return <html><body>{children}</body></html>; }\n');
writeFileSync(join(app, 'app/page.jsx'), 'export default function Page() { return <p>images</p>; }\n');
execFileSync(process.execPath, [cli, 'build', app], { stdio: 'pipe' });

const server = spawn(process.execPath, [cli, 'start', app, '--port', '0', '--hostname', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'inherit'] });
const origin = await new Promise((resolveOrigin, reject) => {
  let output = '';
  server.stdout.on('data', (data) => {
    output += data;
    const match = /ready on (http:\/\/\S+)/.exec(output);
    if (match) resolveOrigin(match[1]);
  });
  server.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
});

const ACCEPT = { avif: 'image/avif,image/webp,*/*', webp: 'image/webp,*/*', original: '*/*' };
const url = (name, width) => `${origin}/_nexxo/image?url=${encodeURIComponent(`/photos/${name}.jpg`)}&w=${width}&q=75`;
async function get(name, width, format) {
  const response = await fetch(url(name, width), { headers: { Accept: ACCEPT[format] } });
  if (response.status !== 200) throw new Error(`${name} ${width} ${format}: ${response.status} ${await response.text()}`);
  return (await response.arrayBuffer()).byteLength;
}
/** Runs `jobs` with `concurrency` at a time; returns requests per second. */
async function throughput(jobs) {
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < jobs.length) await jobs[next++]();
  }));
  return jobs.length / ((performance.now() - started) / 1000);
}

try {
  // Uncached: every (image, width) once per format, so each request decodes, resizes and encodes.
  const sizes = [];
  const uncached = {};
  for (const format of ['avif', 'webp', 'original']) {
    const jobs = samples.flatMap(([name]) => widths.map((width) => async () => sizes.push({ name, width, format, bytes: await get(name, width, format) })));
    uncached[format] = await throughput(jobs);
  }
  // Cached: the same URLs again, round-robin, served from .nexxo/cache/images.
  const repeat = Array.from({ length: cachedRequests }, (_, index) => {
    const [name] = samples[index % samples.length];
    const width = widths[index % widths.length];
    return () => get(name, width, 'webp');
  });
  const cached = await throughput(repeat);

  console.log(`\nBytes per image (original JPEG q85 → endpoint at q75):\n`);
  console.log('| image | original | width | AVIF | WebP | JPEG (source format) |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const totals = { original: 0, avif: 0, webp: 0, jpeg: 0 };
  for (const [name, width, height] of samples) {
    const original = statSync(join(app, 'public/photos', `${name}.jpg`)).size;
    for (const w of widths) {
      const of = (format) => sizes.find((size) => size.name === name && size.width === w && size.format === format).bytes;
      const pct = (bytes) => `${kb(bytes)} (−${(100 * (1 - bytes / original)).toFixed(0)}%)`;
      console.log(`| ${name} ${width}×${height} | ${kb(original)} | ${w} | ${pct(of('avif'))} | ${pct(of('webp'))} | ${pct(of('original'))} |`);
      totals.original += original;
      totals.avif += of('avif');
      totals.webp += of('webp');
      totals.jpeg += of('original');
    }
  }
  const saved = (bytes) => `${(100 * (1 - bytes / totals.original)).toFixed(1)}%`;
  console.log(`\nOver all ${samples.length * widths.length} requests: AVIF saves ${saved(totals.avif)}, WebP ${saved(totals.webp)}, resized JPEG ${saved(totals.jpeg)} of the original bytes.`);
  console.log(`\nThroughput (${concurrency} concurrent, ${availableParallelism()} CPUs, Node ${process.version}):`);
  const perFormat = samples.length * widths.length;
  console.log(`  uncached AVIF (decode + resize + encode): ${uncached.avif.toFixed(1)} req/s over ${perFormat} requests`);
  console.log(`  uncached WebP:                            ${uncached.webp.toFixed(1)} req/s over ${perFormat} requests`);
  console.log(`  uncached JPEG (source format):            ${uncached.original.toFixed(1)} req/s over ${perFormat} requests`);
  console.log(`  cached (disk cache hit, WebP):            ${cached.toFixed(0)} req/s over ${cachedRequests} requests`);
} finally {
  server.kill('SIGTERM');
}
