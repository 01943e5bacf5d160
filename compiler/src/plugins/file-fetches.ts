import MagicString from 'magic-string';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, relative, resolve } from 'node:path';
import type { Plugin } from 'rolldown';
import { NexxoBuildError } from '../errors.js';

/** `fetch(new URL('./file', import.meta.url))`, the relative path in group 2. */
const FILE_FETCH = /\bfetch\(\s*new\s+URL\(\s*(['"`])(\.{1,2}\/[^'"`$\n]+)\1\s*,\s*import\.meta\.url\s*\)\s*\)/g;

const CONTENT_TYPES: Record<string, string> = {
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/**
 * Server code (rsc, ssr) of the app that fetches a file next to it, as Next.js documents for fonts
 * in Open Graph images: `fetch(new URL('./Inter.ttf', import.meta.url))`. The file's bytes are
 * inlined and the call becomes a resolved Response, so the same code runs on Node (whose fetch cannot
 * read file: URLs), the Vercel Edge runtime and Cloudflare Workers (which have no files at all).
 * Packages in node_modules are left alone: they ship their own handling (@vercel/og's wasm).
 */
export function fileFetchesPlugin(root: string): Plugin {
  return {
    name: 'nexxo:file-fetches',
    transform: {
      filter: { id: { exclude: /[\\/]node_modules[\\/]/ }, code: 'import.meta.url' },
      handler(code, id) {
        const file = id.split('?')[0]!;
        let edited: MagicString | null = null;
        for (const match of code.matchAll(FILE_FETCH)) {
          const target = resolve(dirname(file), match[2]!);
          if (!existsSync(target) || !statSync(target).isFile()) {
            const line = code.slice(0, match.index).split('\n').length;
            throw new NexxoBuildError(
              'NEXXO_FILE_FETCH',
              `${relative(root, file)}:${line}: fetch(new URL('${match[2]}', import.meta.url)) names a file that does not exist (${relative(root, target)}).\n  Fix: put the file there, or correct the path (it is relative to ${relative(root, file)}).`,
              { file },
            );
          }
          const type = CONTENT_TYPES[extname(target).toLowerCase()] ?? 'application/octet-stream';
          const bytes = readFileSync(target).toString('base64');
          edited ??= new MagicString(code);
          edited.overwrite(
            match.index,
            match.index + match[0].length,
            `Promise.resolve(new Response(Uint8Array.from(atob(${JSON.stringify(bytes)}), (char) => char.charCodeAt(0)), { headers: { 'content-type': ${JSON.stringify(type)} } }))`,
          );
          this.addWatchFile(target);
        }
        return edited ? { code: edited.toString(), map: edited.generateMap({ hires: 'boundary', source: id }) } : null;
      },
    },
  };
}
