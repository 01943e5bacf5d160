import { loadRolldown } from '@nexxo/native';
import { statSync } from 'node:fs';
import { dirname, basename } from 'node:path';

export interface BundleForPlatformOptions {
  input: string;
  outFile: string;
  /** Package export conditions, most specific first. */
  conditions: string[];
  external?: Array<string | RegExp>;
  define?: Record<string, string>;
  /** Import specifier → file that replaces it. */
  alias?: Record<string, string>;
  minify?: boolean;
}

/**
 * One self-contained ESM file for a platform that is not Node (a Worker, an Edge function): the
 * build's server bundles re-bundled with the platform's export conditions. Dynamic imports are
 * inlined, since such platforms load one module.
 */
export async function bundleForPlatform(options: BundleForPlatformOptions): Promise<{ file: string; bytes: number }> {
  const { rolldown } = await loadRolldown();
  const bundle = await rolldown({
    input: options.input,
    platform: 'neutral',
    resolve: { conditionNames: options.conditions, mainFields: ['module', 'main'], ...(options.alias ? { alias: options.alias } : {}) },
    ...(options.external ? { external: options.external } : {}),
    transform: { define: { 'process.env.NODE_ENV': '"production"', ...options.define } },
    logLevel: 'warn',
    onLog(level, log, defaultHandler) {
      if (log.code === 'CIRCULAR_DEPENDENCY' || log.code === 'EVAL' || log.code === 'MODULE_LEVEL_DIRECTIVE') return;
      defaultHandler(level, log);
    },
  });
  try {
    await bundle.write({ dir: dirname(options.outFile), entryFileNames: basename(options.outFile), format: 'esm', codeSplitting: false, minify: options.minify ?? true });
  } finally {
    await bundle.close();
  }
  return { file: options.outFile, bytes: statSync(options.outFile).size };
}
