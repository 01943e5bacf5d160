import { AsyncLocalStorage } from 'node:async_hooks';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EdgeRuntime } from 'edge-runtime';

export interface EdgeFunction {
  fetch(url: string, init?: RequestInit): Promise<Response>;
}

/**
 * Loads a Vercel Edge function bundle into the `edge-runtime` emulator. The emulator evaluates
 * scripts, not modules, and has no `node:async_hooks` (Vercel Edge has): that import becomes the
 * host's AsyncLocalStorage and the default export a global. `import x from './f.wasm?module'`
 * (files beside index.js, which Vercel binds as WebAssembly.Module) becomes a module compiled
 * here, as Vercel compiles it at deploy time: the Edge runtime cannot compile WebAssembly from bytes.
 * `options.fetch` replaces the function's outgoing fetch (the tests have no network).
 */
export function loadEdgeFunction(file: string, options: { fetch?: typeof fetch } = {}): EdgeFunction {
  const source = readFileSync(file, 'utf8');
  const wasm: Record<string, WebAssembly.Module> = {};
  const script = source
    .replace(/import\s*\{\s*AsyncLocalStorage as ([\w$]+)\s*\}\s*from\s*"node:async_hooks";?/, 'const $1 = globalThis.AsyncLocalStorage;')
    .replace(/import\s*([\w$]+)\s*from\s*"(\.\/[\w.-]+\.wasm)\?module";?/g, (_, name: string, path: string) => {
      wasm[path] = new WebAssembly.Module(readFileSync(join(dirname(file), path)));
      return `const ${name} = globalThis.__wasm[${JSON.stringify(path)}];`;
    })
    .replace(/export\s*\{\s*([\w$]+) as default\s*\};?\s*$/, 'globalThis.__handler = $1;');
  if (/^\s*(import|export)\b|[;}]\s*(import|export)\s*[{*]|[;}]\s*import\s*[\w$]+\s*from\s*"/m.test(script)) throw new Error(`${file} has imports or exports the test harness does not handle.`);
  const runtime = new EdgeRuntime({ extend: (context) => Object.assign(context, { AsyncLocalStorage, __wasm: wasm }, options.fetch ? { fetch: options.fetch } : {}) });
  runtime.evaluate(script);
  const context = runtime.context as unknown as { __handler: (request: Request) => Promise<Response>; Request: typeof Request };
  return {
    fetch: (url, init) => context.__handler(new context.Request(new URL(url, 'https://nexxo.test'), init)),
  };
}
