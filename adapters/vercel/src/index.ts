import { randomBytes } from 'node:crypto';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Adapter } from '@nexxo/runtime';
import { edgeRoutesUse, planRuntimes, scanServerBundle } from './edge-modules.js';
import { vercelImagesConfig } from './images-config.js';
import { writePrerenderFunctions } from './prerender-functions.js';
import { EDGE_FUNCTION, planRouting } from './vercel-routes.js';
import { writeEdgeFunction, writeNodeFunction, type FunctionOutput } from './write-functions.js';

export { planRouting, EDGE_FUNCTION, NODE_FUNCTION, type PrerenderFunction, type RoutingPlan, type VercelCondition, type VercelRoute } from './vercel-routes.js';
export { vercelImagesConfig, type VercelImagesConfig } from './images-config.js';
export { EDGE_CONDITIONS } from './write-functions.js';

/** Vercel's limit on an Edge function's gzip size on the Hobby plan (Pro: 2 MB, Enterprise: 4 MB). */
const HOBBY_EDGE_LIMIT = 1024 * 1024;

export interface VercelAdapterOptions {
  /** Where to write the Build Output API folder; default `.vercel/output` in the app's folder. */
  outDir?: string;
}

/**
 * Writes `.vercel/output` (Build Output API v3): `config.json` (with the config's redirects,
 * rewrites and headers as routes), `static/` and an Edge function (plus a Node.js function for
 * routes that export `runtime = 'nodejs'` or import a module the Edge runtime lacks). Deploy it
 * with `vercel deploy --prebuilt`.
 *
 * @example
 * // nexxo.config.ts
 * import vercel from '@nexxo/adapter-vercel';
 * export default defineConfig({ adapter: vercel() }); // or adapter: 'vercel', or --adapter vercel
 */
export default function vercel(options: VercelAdapterOptions = {}): Adapter {
  return {
    name: 'vercel',
    async adapt(builder) {
      const output = options.outDir ?? join(builder.root, '.vercel', 'output');
      const workDir = join(builder.outDir, 'vercel');
      await rm(output, { recursive: true, force: true });
      await rm(workDir, { recursive: true, force: true });
      await mkdir(output, { recursive: true });

      const { manifest } = builder;
      const scans = {
        rsc: await scanServerBundle(join(builder.outDir, 'server', 'rsc'), manifest.routes),
        ssr: await scanServerBundle(join(builder.outDir, 'server', 'ssr'), []),
      };
      const runtimes = planRuntimes(scans.rsc.uses, manifest.routes);
      if (runtimes.error) throw runtimes.error;
      for (const { routes, module, file } of runtimes.automatic) {
        builder.log(`  ${routes.join(', ')} ${routes.length > 1 ? 'run' : 'runs'} in the Node.js function: ${file ?? "the app's server bundle"} imports "${module}", which the Edge runtime does not provide.`);
      }

      const plan = planRouting(manifest, runtimes.node);
      for (const warning of plan.warnings) builder.log(`  ! ${warning}`);
      for (const [to, from] of plan.staticFiles) {
        await mkdir(join(output, 'static', to, '..'), { recursive: true });
        await cp(join(builder.outDir, from), join(output, 'static', to));
      }

      const usesOgOnEdge = edgeRoutesUse(scans.rsc.uses, 'nexxo/og', runtimes.node);
      // Lets the functions ask Vercel to regenerate prerendered pages (revalidatePath, revalidateTag); new per build.
      const prerender = { pages: plan.prerenderFunctions.map((fn) => fn.page), bypassToken: randomBytes(32).toString('hex') };
      const functions: FunctionOutput[] = [await writeEdgeFunction(builder, output, workDir, scans, plan.inlineFiles, usesOgOnEdge, prerender)];
      const usesOg = scans.rsc.uses.some((use) => use.module === 'nexxo/og');
      if (runtimes.node.size > 0) functions.push(await writeNodeFunction(builder, output, workDir, plan.inlineFiles, usesOg, prerender));
      if (plan.prerenderFunctions.length > 0) {
        functions.push(await writeNodeFunction(builder, output, workDir, plan.inlineFiles, usesOg, prerender, true));
        await writePrerenderFunctions(builder.outDir, output, plan.prerenderFunctions, prerender.bypassToken);
      }

      const config = {
        version: 3,
        routes: plan.routes,
        ...(manifest.images ? { images: vercelImagesConfig(manifest.images) } : {}),
        ...(Object.keys(plan.overrides).length > 0 ? { overrides: plan.overrides } : {}),
      };
      await writeFile(join(output, 'config.json'), JSON.stringify(config, null, 2) + '\n');
      await rm(workDir, { recursive: true, force: true });

      builder.log(`  .vercel/output: ${plan.staticFiles.size} static files, ${functions.length} function${functions.length > 1 ? 's' : ''}`);
      for (const fn of functions) builder.log(`  ƒ ${fn.name}.func (${fn.name === EDGE_FUNCTION ? 'edge' : 'nodejs20.x'})  ${formatKb(fn.bytes)}  ${formatKb(fn.gzipBytes)} gzip`);
      for (const fn of plan.prerenderFunctions) builder.log(`  ↻ ${fn.page.url} (revalidate ${fn.revalidate} s): prerender functions ${fn.name}.func, ${fn.name}.rsc.func`);
      const edge = functions[0]!;
      if (usesOgOnEdge) builder.log(`  ${EDGE_FUNCTION}.func includes nexxo/og: @vercel/og's WebAssembly (og-yoga.wasm, og-resvg.wasm) beside index.js.`);
      if (edge.gzipBytes > HOBBY_EDGE_LIMIT) {
        const fix = usesOgOnEdge ? " Moving every route that uses nexxo/og to the Node.js function (export const runtime = 'nodejs') takes @vercel/og out of it." : '';
        builder.log(`  ! ${EDGE_FUNCTION}.func is over the 1 MB (gzip) Edge function limit of Vercel's Hobby plan; Pro allows 2 MB, Enterprise 4 MB.${fix}`);
      }
    },
  };
}

function formatKb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} kB`;
}
