import { escapeRegExp, listExports, parseModule, tryParse, type Plugin } from '@nexxo/compiler';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { METADATA_ROUTE_PREFIX, metadataContentType } from './metadata-files.js';

const BYTES_QUERY = '?metadata-bytes';

/**
 * The route modules behind metadata files: `app/icon.png` becomes a GET handler that answers with
 * the file (its bytes inlined, as Next.js does, so every platform serves it the same way);
 * `opengraph-image.tsx`, `robots.ts`, `sitemap.ts` and `manifest.ts` handlers call the file's
 * default export and serialise what it returns.
 */
export function metadataRoutesPlugin(distDir: string): Plugin {
  const helpers = JSON.stringify(join(distDir, 'rsc/metadata/metadata-route.js'));
  return {
    name: 'nexxo:metadata-routes',
    resolveId: {
      filter: { id: [new RegExp(`^${escapeRegExp(METADATA_ROUTE_PREFIX)}`), new RegExp(`${escapeRegExp(BYTES_QUERY)}$`)] },
      handler(source) {
        if (source.startsWith(METADATA_ROUTE_PREFIX)) return '\0' + source;
        // Keeps the file in the module graph by its own path, so a dev edit of it is seen.
        return source;
      },
    },
    load: {
      filter: { id: [new RegExp(`^\0${escapeRegExp(METADATA_ROUTE_PREFIX)}`), new RegExp(`${escapeRegExp(BYTES_QUERY)}$`)] },
      handler(id) {
        if (id.endsWith(BYTES_QUERY)) return { code: `export default ${JSON.stringify(readFileSync(id.slice(0, -BYTES_QUERY.length)).toString('base64'))};`, moduleType: 'js' };
        if (!id.startsWith('\0' + METADATA_ROUTE_PREFIX)) return null;
        const [kind, ...rest] = id.slice(1 + METADATA_ROUTE_PREFIX.length).split(':');
        const file = rest.join(':');
        const source = JSON.stringify(file);
        const generated = /\.[jt]sx?$/.test(file);
        if (!generated)
          return `import body from ${JSON.stringify(file + BYTES_QUERY)};\nimport { fileResponse } from ${helpers};\nexport function GET() { return fileResponse(body, ${JSON.stringify(metadataContentType(file))}); }\n`;
        const handler = kind === 'robots' ? 'robotsResponse' : kind === 'sitemap' ? 'sitemapResponse' : kind === 'manifest' ? 'manifestResponse' : 'imageResponse';
        // The file's segment config, when it has one: `runtime` tells adapters where the route may run.
        const runtime = exportsOf(file).includes('runtime') ? 'export { runtime } from ' + source + ';\n' : '';
        return `import * as metadataModule from ${source};\nimport { ${handler} } from ${helpers};\n${runtime}export function GET(request, context) { return ${handler}(metadataModule, context, ${JSON.stringify(kind)}); }\n`;
      },
    },
  };
}

function exportsOf(file: string): string[] {
  const program = tryParse(() => parseModule(readFileSync(file, 'utf8'), file));
  return program ? listExports(program, file) : [];
}
