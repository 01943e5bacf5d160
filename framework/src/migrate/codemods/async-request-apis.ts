import { createAsyncContext, finishAsyncCodemod } from './async-context.js';
import { rewriteAsyncProps } from './async-props.js';
import { rewriteHeaderCalls } from './async-header-calls.js';
import type { CodemodResult } from './types.js';

/**
 * Rewrites code written for Next.js ≤ 15, which read `params`, `searchParams`, `headers()`,
 * `cookies()` and `draftMode()` synchronously, into the awaited form Next 16 (and Nexxo)
 * requires. Already-awaited code is left alone, so running it twice changes nothing; what it
 * cannot rewrite without guessing is returned in `warnings`.
 *
 * @example
 * rewriteAsyncRequestApis(
 *   `export default function Page({ params }) {\n  return <h1>{params.slug}</h1>;\n}\n`,
 *   'app/blog/[slug]/page.tsx',
 * ).code
 * // → `export default async function Page({ params: paramsPromise }) {\n  const params = await paramsPromise;\n  return <h1>{params.slug}</h1>;\n}\n`
 */
export function rewriteAsyncRequestApis(source: string, file: string): CodemodResult {
  const context = createAsyncContext(source, file);
  rewriteAsyncProps(context, file);
  rewriteHeaderCalls(context);
  return finishAsyncCodemod(context);
}
