// Bundles the `nexxo` command (dist/cli/index.js, as TypeScript compiled it) into dist/bin/, run by
// `npm run build` after tsc. Node loads an ES module graph file by file: resolving, reading,
// compiling and linking some 130 small modules took ~40 ms of every `nexxo dev` start before its
// first page, about one ninth of a warm start. The bundle is a few files.
//
// Inlined: Nexxo's own Node-side modules, and the packages the dev and start servers use only
// through them (the runtime, the Node adapter, Hono), so each module those servers run exists once.
// Left as imports: the compiler and native engines (they resolve their own pinned Rolldown), the
// Vercel and Cloudflare adapters (loaded by `nexxo build --adapter` alone, with their own copy of
// the runtime's routing helpers) and every other npm package.
// The chunks sit one folder below dist/, like the compiled modules, so the paths Nexxo finds its
// own files by (`new URL('../rsc/entry.js', import.meta.url)`) are the same in both.
import { chmodSync, rmSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRolldown } from '@nexxo/native';

const INLINED = /^(?:@nexxo\/runtime|@nexxo\/adapter-node|hono|@hono\/node-server|path-to-regexp)(?:\/|$)/;
const framework = fileURLToPath(new URL('..', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/bin', import.meta.url));

const { build } = await loadRolldown();
rmSync(outDir, { recursive: true, force: true });
await build({
  cwd: framework,
  input: { nexxo: 'dist/cli/index.js' },
  platform: 'node',
  // Relative and absolute ids belong to a module that is inlined.
  external: (id) => !id.startsWith('.') && !isAbsolute(id) && !id.startsWith('\0') && !INLINED.test(id),
  output: { dir: outDir, format: 'esm', chunkFileNames: '[name]-[hash].js' },
  logLevel: 'warn',
});
chmodSync(`${outDir}/nexxo.js`, 0o755);
