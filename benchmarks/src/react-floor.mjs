// `npm run bench:floor` — the first-load JS no React Server Components app can go below: React,
// React DOM's client and the RSC payload reader (react-server-dom-webpack/client.browser), bundled
// together and minified by Rolldown, as raw, gzip -9 and brotli -11 bytes. Compare with the
// first-load rows of `npm run bench` to see how much a framework adds on top.
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { rolldown } = await import(createRequire(join(repo, 'compiler', 'package.json')).resolve('rolldown'));
const entry = [
  "export { createRoot, hydrateRoot } from 'react-dom/client';",
  "export * as React from 'react';",
  "export * as JsxRuntime from 'react/jsx-runtime';",
  "export { createFromReadableStream, createFromFetch } from 'react-server-dom-webpack/client.browser';",
].join('\n');
const build = await rolldown({
  input: 'floor-entry',
  cwd: repo,
  platform: 'browser',
  resolve: { conditionNames: ['browser', 'import', 'default'] },
  transform: { define: { 'process.env.NODE_ENV': '"production"' } },
  plugins: [{ name: 'floor-entry', resolveId: (id) => (id === 'floor-entry' ? id : null), load: (id) => (id === 'floor-entry' ? entry : null) }],
  logLevel: 'silent',
});
const { output } = await build.generate({ format: 'esm', minify: true });
await build.close();
const code = Buffer.from(output[0].code);
const version = (name) => createRequire(join(repo, 'package.json'))(`${name}/package.json`).version;
console.log(`React ${version('react')}, react-dom ${version('react-dom')}, react-server-dom-webpack ${version('react-server-dom-webpack')}, one minified file:`);
console.log(`  raw ${(code.length / 1e3).toFixed(1)} kB, gzip ${(gzipSync(code, { level: 9 }).length / 1e3).toFixed(1)} kB, brotli ${(brotliCompressSync(code, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length / 1e3).toFixed(1)} kB`);
