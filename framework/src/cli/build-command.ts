import { relative } from 'node:path';
import type { AdapterOption } from '@nexxo/runtime';
import { buildApp } from '../build/build-app.js';

export async function buildCommand(dir: string, options: { adapter?: string } = {}): Promise<void> {
  console.log('nexxo build\n');
  const result = await buildApp({ root: dir, ...(options.adapter ? { adapter: options.adapter as AdapterOption } : {}) });
  console.log(`\n✓ Built in ${(result.durationMs / 1000).toFixed(2)} s → ${relative(process.cwd(), result.outDir) || '.'}`);
}
