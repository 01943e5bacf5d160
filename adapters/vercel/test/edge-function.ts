import { AsyncLocalStorage } from 'node:async_hooks';
import { readFileSync } from 'node:fs';
import { EdgeRuntime } from 'edge-runtime';

export interface EdgeFunction {
  fetch(url: string, init?: RequestInit): Promise<Response>;
}

/**
 * Loads a Vercel Edge function bundle into the `edge-runtime` emulator. The emulator evaluates
 * scripts, not modules, and has no `node:async_hooks` (Vercel Edge has): the bundle's one import
 * becomes the host's AsyncLocalStorage and its default export a global.
 */
export function loadEdgeFunction(file: string): EdgeFunction {
  const source = readFileSync(file, 'utf8');
  const script = source
    .replace(/import\s*\{\s*AsyncLocalStorage as ([\w$]+)\s*\}\s*from\s*"node:async_hooks";?/, 'const $1 = globalThis.AsyncLocalStorage;')
    .replace(/export\s*\{\s*([\w$]+) as default\s*\};?\s*$/, 'globalThis.__handler = $1;');
  if (/^\s*(import|export)\b|[;}]\s*(import|export)\s*[{*]/m.test(script)) throw new Error(`${file} has imports or exports the test harness does not handle.`);
  const runtime = new EdgeRuntime({ extend: (context) => Object.assign(context, { AsyncLocalStorage }) });
  runtime.evaluate(script);
  const context = runtime.context as unknown as { __handler: (request: Request) => Promise<Response>; Request: typeof Request };
  return {
    fetch: (url, init) => context.__handler(new context.Request(new URL(url, 'https://nexxo.test'), init)),
  };
}
