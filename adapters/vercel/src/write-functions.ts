import { builtinModules, createRequire } from 'node:module';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { AdapterBuilder } from '@nexxo/runtime';
import { importPath, type ServerBundleScan } from './edge-modules.js';
import { ogEdgeBuild } from './og-edge.js';
import type { PlatformPage } from './function/prerender-revalidation.js';
import { EDGE_FUNCTION, ISR_FUNCTION, NODE_FUNCTION, PAGE_PARAM } from './vercel-routes.js';

/** Export conditions of the Edge bundle: Vercel's own (`edge-light`) first, then Worker and browser builds. */
export const EDGE_CONDITIONS = ['edge-light', 'worker', 'browser', 'import', 'module', 'default'];

export interface FunctionOutput {
  name: string;
  bytes: number;
  gzipBytes: number;
}

/** Build data the functions carry: the manifest, and the build files they serve themselves (base64). */
async function writeBuildData(builder: AdapterBuilder, file: string, inlineFiles: string[]): Promise<void> {
  const entries = await Promise.all(inlineFiles.map(async (path) => [path, (await readFile(join(builder.outDir, path))).toString('base64')] as const));
  await writeFile(file, `export const manifest = ${JSON.stringify(builder.manifest)};\nexport const files = ${JSON.stringify(Object.fromEntries(entries))};\n`);
}

/**
 * The function's `readFile`: inlined files first; other `static/` files (never routed to the
 * function, so the CDN has them) are fetched from the deployment's own origin, e.g. after an
 * `afterFiles` rewrite to a public file.
 */
const READ_FILE = `
let origin = null;
const decode = (text) => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
const basePath = manifest.routing?.basePath ?? '';
async function readFile(path) {
  const inlined = files[path];
  if (inlined !== undefined) return decode(inlined);
  if (!path.startsWith('static/') || !origin) return null;
  const response = await fetch(new URL(basePath + path.slice('static'.length), origin));
  return response.ok ? new Uint8Array(await response.arrayBuffer()) : null;
}
`;

/** What every function knows about the pages Vercel's CDN regenerates (see prerender-revalidation.ts). */
export interface PrerenderSettings {
  pages: PlatformPage[];
  bypassToken: string;
}

/**
 * The function's entry module. `isr`: the prerender functions' entry, which takes the page's path
 * from the query Vercel invokes it with and answers only for those pages.
 */
function entrySource(entryFile: string, serverDir: string, platform: 'edge' | 'node', prerender: PrerenderSettings, isr = false): string {
  const runtime = fileURLToPath(import.meta.resolve('@nexxo/runtime'));
  const revalidation = fileURLToPath(new URL('./function/prerender-revalidation.js', import.meta.url));
  const head = [
    `import { createApp } from ${JSON.stringify(runtime)};`,
    `import { createPrerenderRevalidatingCache } from ${JSON.stringify(revalidation)};`,
    `import * as rsc from ${JSON.stringify(importPath(entryFile, join(serverDir, 'rsc/index.js')))};`,
    `import * as ssr from ${JSON.stringify(importPath(entryFile, join(serverDir, 'ssr/index.js')))};`,
    `import { manifest, files } from './build-data.mjs';`,
    ...(platform === 'node' ? [`import { Readable } from 'node:stream';`] : []),
  ].join('\n');
  const app = `const platformPages = ${JSON.stringify(prerender.pages)};
const cache = createPrerenderRevalidatingCache({ pages: platformPages, bypassToken: ${JSON.stringify(prerender.bypassToken)}, origin: () => origin });
const app = createApp({ build: { manifest, rsc, ssr }, readFile, cache, regeneratedByPlatform: new Set(platformPages.map((page) => page.pathname)) });
`;
  // A prerender function renders only its pages: anything else would be cached under its path.
  const toPage = isr
    ? `  const pageUrl = url.searchParams.get(${JSON.stringify(PAGE_PARAM)});
  if (!platformPages.some((page) => page.url === pageUrl)) {
    res.statusCode = 404;
    return res.end('Not Found');
  }
  url.searchParams.delete(${JSON.stringify(PAGE_PARAM)});
  url.pathname = pageUrl;
`
    : '';
  const handler =
    platform === 'edge'
      ? `export default function handler(request) {\n  origin ??= new URL(request.url).origin;\n  return app.fetch(request);\n}\n`
      : `export default async function handler(req, res) {
  const protocol = String(req.headers['x-forwarded-proto'] ?? 'https').split(',')[0];
  const url = new URL(req.url, protocol + '://' + (req.headers['x-forwarded-host'] ?? req.headers.host));
  origin ??= url.origin;
${toPage}  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(key, item);
    else if (value !== undefined) headers.set(key, value);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const controller = new AbortController();
  res.on('close', () => controller.abort());
  const response = await app.fetch(new Request(url, { method: req.method, headers, body: hasBody ? Readable.toWeb(req) : undefined, duplex: 'half', signal: controller.signal }));
  res.statusCode = response.status;
  for (const [key, value] of response.headers) if (key !== 'set-cookie') res.setHeader(key, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  if (!response.body || req.method === 'HEAD') return res.end();
  Readable.fromWeb(response.body).pipe(res);
}
`;
  return `${head}\n${READ_FILE}\n${app}${handler}`;
}

/**
 * A copy of the server bundles where every import the Edge runtime lacks points at a stub that
 * throws when used. Those imports belong to `runtime = 'nodejs'` routes (checked before), which
 * Vercel sends to the Node function; the Edge bundle only has to load. Modules in `bundled`
 * (`nexxo/og` when an Edge route renders images) stay, for the Edge bundle to include.
 */
async function edgeServerCopy(builder: AdapterBuilder, workDir: string, scans: Record<'rsc' | 'ssr', ServerBundleScan>, bundled: Set<string>): Promise<string> {
  const serverDir = join(workDir, 'edge-server');
  const stubs = new Map<string, Set<string>>();
  for (const environment of ['rsc', 'ssr'] as const) {
    const from = join(builder.outDir, 'server', environment);
    for (const file of await readdir(from, { recursive: true })) {
      if (!file.endsWith('.js')) continue;
      let source = await readFile(join(from, file), 'utf8');
      for (const { module, names } of scans[environment].imports.get(file.split('\\').join('/')) ?? []) {
        if (bundled.has(module)) continue;
        const stubFile = join(workDir, 'stubs', module.replace(/[^\w.-]/g, '_') + '.js');
        stubs.set(stubFile, new Set([...(stubs.get(stubFile) ?? []), ...names]));
        source = source.split(`"${module}"`).join(JSON.stringify(stubFile));
      }
      await mkdir(dirname(join(serverDir, environment, file)), { recursive: true });
      await writeFile(join(serverDir, environment, file), source);
    }
  }
  for (const [file, names] of stubs) {
    const message = `${file.split(/[\\/]/).pop()!.replace(/\.js$/, '')} is not available on the Edge runtime: this route should run in the Node.js function (export const runtime = 'nodejs').`;
    const lines = [`const fail = new Proxy(function () {}, { get(_, key) { if (key === 'then') return undefined; throw new Error(${JSON.stringify(message)}); }, apply() { throw new Error(${JSON.stringify(message)}); }, construct() { throw new Error(${JSON.stringify(message)}); } });`];
    for (const name of names) lines.push(name === 'default' ? 'export default fail;' : `export const ${name} = fail;`);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, lines.join('\n') + '\n');
  }
  return serverDir;
}

async function measure(name: string, dir: string): Promise<FunctionOutput> {
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!file.isFile() || file.name === '.vc-config.json') continue;
    const content = await readFile(join(file.parentPath, file.name));
    bytes += content.length;
    gzipBytes += gzipSync(content).length;
  }
  return { name, bytes, gzipBytes };
}

/**
 * `functions/index.func`: the whole app on the Edge runtime. With `usesOg` (an Edge route reaches
 * `nexxo/og`), @vercel/og's edge build is bundled in and its WebAssembly files sit beside index.js.
 */
export async function writeEdgeFunction(builder: AdapterBuilder, output: string, workDir: string, scans: Record<'rsc' | 'ssr', ServerBundleScan>, inlineFiles: string[], usesOg: boolean, prerender: PrerenderSettings): Promise<FunctionOutput> {
  const serverDir = await edgeServerCopy(builder, workDir, scans, new Set(usesOg ? ['nexxo/og'] : []));
  const funcDir = join(output, 'functions', EDGE_FUNCTION + '.func');
  await mkdir(funcDir, { recursive: true });
  // The entry sits in the function folder while it is bundled: Rolldown writes a relative external
  // import (nexxo/og's `./og-yoga.wasm?module`) relative to the entry's folder, not the output's.
  const entry = join(funcDir, '.entry.mjs');
  const buildData = join(funcDir, 'build-data.mjs');
  await writeBuildData(builder, buildData, inlineFiles);
  await writeFile(entry, entrySource(entry, serverDir, 'edge', prerender));
  const og = usesOg ? await ogEdgeBuild({ root: builder.root, funcDir }) : null;
  try {
    await builder.bundle({ input: entry, outFile: join(funcDir, 'index.js'), conditions: EDGE_CONDITIONS, external: ['node:async_hooks', ...(og?.external ?? [])], ...(og ? { alias: og.alias } : {}) });
  } finally {
    await Promise.all([entry, buildData, ...(og?.temporary ?? [])].map((file) => rm(file, { force: true })));
  }
  await writeFile(join(funcDir, '.vc-config.json'), JSON.stringify({ runtime: 'edge', entrypoint: 'index.js' }, null, 2) + '\n');
  return measure(EDGE_FUNCTION, funcDir);
}

/**
 * A Node.js function with the whole app: `node.func` for `runtime = 'nodejs'` routes, or with
 * `isr` the one behind every prerender function (it renders the page afresh, and Vercel caches
 * the whole answer, so it does not stream).
 */
export async function writeNodeFunction(builder: AdapterBuilder, output: string, workDir: string, inlineFiles: string[], usesOg: boolean, prerender: PrerenderSettings, isr = false): Promise<FunctionOutput> {
  const name = isr ? ISR_FUNCTION : NODE_FUNCTION;
  const entry = join(workDir, 'node-entry.mjs');
  await writeBuildData(builder, join(workDir, 'build-data.mjs'), inlineFiles);
  await writeFile(entry, entrySource(entry, join(builder.outDir, 'server'), 'node', prerender, isr));
  const funcDir = join(output, 'functions', name + '.func');
  const builtins = builtinModules.flatMap((module) => [module, 'node:' + module]);
  await builder.bundle({ input: entry, outFile: join(funcDir, 'index.mjs'), conditions: ['node', 'import', 'module', 'default'], external: builtins });
  if (usesOg) {
    // @vercel/og's Node build reads its WebAssembly and fallback font next to itself.
    const ogDir = dirname(createRequire(join(builder.root, 'package.json')).resolve('@vercel/og'));
    for (const file of await readdir(ogDir)) if (/\.(wasm|ttf)$/.test(file)) await cp(join(ogDir, file), join(funcDir, file));
  }
  await writeFile(join(funcDir, 'package.json'), '{ "type": "module" }\n');
  await writeFile(join(funcDir, '.vc-config.json'), JSON.stringify({ runtime: 'nodejs20.x', handler: 'index.mjs', launcherType: 'Nodejs', supportsResponseStreaming: !isr }, null, 2) + '\n');
  return measure(name, funcDir);
}
