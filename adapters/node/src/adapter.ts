import type { Adapter } from '@nexxo/runtime';
import { relative } from 'node:path';
import { writeStandalone } from './build/write-standalone.js';

/**
 * The Node adapter (`nexxo build --adapter node`, or `adapter: 'node'` in nexxo.config): writes
 * `.nexxo/standalone/`, a folder that runs the app with `node server.js` and nothing else: no
 * `npm install`, no project node_modules. Copy it into a container image (see docker/Dockerfile).
 *
 * @example
 * // nexxo.config.ts
 * import node from '@nexxo/adapter-node';
 * export default { adapter: node() };
 */
export default function nodeAdapter(): Adapter {
  return {
    name: 'node',
    async adapt(builder) {
      const output = await writeStandalone({ root: builder.root, outDir: builder.outDir });
      const where = relative(builder.root, output.dir) || '.';
      builder.log(`Standalone server: ${where}/ — ${output.files} files, ${formatBytes(output.bytes)} (node_modules: ${output.modules.files} files, ${formatBytes(output.modules.bytes)})`);
      for (const file of output.skipped) builder.log(`  ! left out ${file}: it is outside the app and the node_modules folders it uses`);
      if (process.env.DEBUG?.split(',').some((name) => name === '*' || name === 'nexxo:*' || name === 'nexxo:standalone'))
        for (const warning of output.warnings) builder.log(`  nexxo:standalone ${warning.split('\n')[0]}`);
      builder.log(`  Run it: cd ${where} && PORT=3000 node server.js`);
    },
  };
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
