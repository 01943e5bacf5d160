import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPATIBILITY_DATE, readAppWranglerConfig, wranglerConfig } from './wrangler-config.js';

function appWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'nexxo-cf-config-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(root, name), content);
  return root;
}

describe('wranglerConfig', () => {
  it("keeps the app's bindings and adds the entry, assets and nodejs_compat", () => {
    const root = appWith({ 'wrangler.jsonc': '{ "name": "shop", "compatibility_flags": ["nodejs_compat", "streams_enable_constructors"], "r2_buckets": [{ "binding": "FILES", "bucket_name": "files" }], "main": "src/index.ts", "$schema": "node_modules/wrangler/config-schema.json" }' });
    const warnings: string[] = [];
    const config = wranglerConfig({ root, appConfig: readAppWranglerConfig(root)!.config, main: 'worker.js', assetsDirectory: 'assets', runWorkerFirst: true, warn: (message) => warnings.push(message) });
    expect(config).toEqual({
      name: 'shop',
      main: 'worker.js',
      compatibility_date: COMPATIBILITY_DATE,
      compatibility_flags: ['nodejs_compat', 'streams_enable_constructors'],
      r2_buckets: [{ binding: 'FILES', bucket_name: 'files' }],
      assets: { directory: 'assets', binding: 'ASSETS', run_worker_first: true, html_handling: 'none', not_found_handling: 'none' },
    });
    expect(warnings).toEqual(['wrangler.jsonc: "main" is set by the Cloudflare adapter; the app\'s value is ignored.']);
  });

  it('names the Worker after package.json without its scope', () => {
    const root = appWith({ 'package.json': '{ "name": "@acme/My_Site" }' });
    expect(wranglerConfig({ root, appConfig: null, main: 'worker.js', assetsDirectory: 'assets', runWorkerFirst: true, warn: () => {} }).name).toBe('my-site');
  });

  it('reports an invalid wrangler.jsonc with the fix', () => {
    const root = appWith({ 'wrangler.jsonc': '{ "name": }' });
    expect(() => readAppWranglerConfig(root)).toThrow(/wrangler\.jsonc is not valid JSON: .*\n {2}Fix: correct the file/);
  });
});
