import { sep } from 'node:path';
import { loadRolldownExperimental } from '@nexxo/native';
import type { Plugin } from 'rolldown';

/**
 * `import(`./posts/${slug}.mdx`)` — an import whose path has a variable part, as Next.js's MDX
 * docs use for content folders: every file the pattern can match is bundled, and the import
 * picks one at run time. Rolldown's Vite plugins do the work (the pattern becomes an
 * `import.meta.glob`, which is then expanded); aliases (`@/content/…`) are turned into absolute
 * paths first, since the pattern must be a path.
 */
export async function dynamicImportVarsPlugins(alias: Record<string, string>): Promise<Plugin[]> {
  const { viteDynamicImportVarsPlugin, viteImportGlobPlugin } = await loadRolldownExperimental();
  const aliases = Object.entries(alias).filter(([, target]) => target.startsWith('/') || /^[A-Za-z]:[\\/]/.test(target));
  // The plugin makes the returned pattern relative to the importer itself; an absolute one is safest.
  const resolver = (id: string): string | undefined => {
    for (const [key, target] of aliases) if (id.startsWith(key + '/')) return (target + id.slice(key.length)).split(sep).join('/');
    return undefined;
  };
  return [viteDynamicImportVarsPlugin({ resolver }) as unknown as Plugin, viteImportGlobPlugin({}) as unknown as Plugin];
}
