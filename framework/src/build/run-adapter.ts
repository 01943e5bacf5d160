import { bundleForPlatform } from '@nexxo/compiler';
import type { Adapter, AdapterOption, BuildManifest } from '@nexxo/runtime';

const BUILT_IN: Record<string, string> = {
  node: '@nexxo/adapter-node',
  vercel: '@nexxo/adapter-vercel',
  cloudflare: '@nexxo/adapter-cloudflare',
};

/** The adapter an option names: a built-in's package default export, called with no options. */
export async function resolveAdapter(option: AdapterOption): Promise<Adapter> {
  if (typeof option !== 'string') return option;
  const packageName = BUILT_IN[option];
  if (!packageName) throw Object.assign(new Error(`Unknown adapter "${option}". Use node, vercel or cloudflare, or pass an adapter object in nexxo.config.`), { code: 'NEXXO_USAGE' });
  const module = (await import(packageName)) as { default?: (options?: unknown) => Adapter };
  if (typeof module.default !== 'function') throw new Error(`${packageName} has no default export: it is not a Nexxo adapter.`);
  return module.default();
}

/** Runs an adapter on a finished build (see Adapter in @nexxo/runtime). */
export async function runAdapter(option: AdapterOption, build: { root: string; outDir: string; manifest: BuildManifest }, log: (message: string) => void): Promise<void> {
  const adapter = await resolveAdapter(option);
  log(`\nAdapter: ${adapter.name}`);
  await adapter.adapt({
    root: build.root,
    outDir: build.outDir,
    manifest: build.manifest,
    bundle: (options) => bundleForPlatform(options),
    log,
  });
}
