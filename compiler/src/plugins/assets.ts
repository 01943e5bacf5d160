import type { Plugin } from 'rolldown';
import { imageSize } from 'image-size';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { AssetFiles } from '../assets/asset-files.js';
import { blurPlaceholder, type BlurPlaceholder } from '../assets/blur-placeholder.js';
import { CSS_FILE, type CssCompiler } from '../css/css-compiler.js';
import { NexxoBuildError } from '../errors.js';

const IMAGE = /\.(png|jpe?g|gif|webp|avif|svg|ico|bmp)$/i;
const FILE = /\.(woff2?|ttf|otf|eot|mp4|webm|ogg|mp3|wav|flac|aac|pdf|txt|wasm)$/i;
const QUERY = /\?(url|raw)$/;

/**
 * Imports of files that are not code: an image gives `{ src, width, height }` (as Next.js's static
 * imports do), a font or other file its URL, `?url` the URL of anything, `?raw` its text.
 */
export function assetsPlugin(options: { root: string; files: AssetFiles; css: CssCompiler }): Plugin {
  return {
    name: 'nexxo:assets',
    resolveId: {
      filter: { id: QUERY },
      async handler(source, importer) {
        const query = QUERY.exec(source)!;
        const resolved = await this.resolve(source.slice(0, query.index), importer, { skipSelf: true });
        return resolved ? `${resolved.id}?${query[1]}` : null;
      },
    },
    load: {
      filter: { id: [QUERY, IMAGE, FILE] },
      async handler(id) {
        const query = QUERY.exec(id);
        const file = query ? id.slice(0, query.index) : id;
        let value: unknown;
        if (query?.[1] === 'raw') value = readFileSync(file, 'utf8');
        else if (query?.[1] === 'url') value = CSS_FILE.test(file) ? (await options.css.compile(file)).href : options.files.fileUrl(file);
        else if (IMAGE.test(file)) value = await staticImage(file, options);
        else if (FILE.test(file)) value = options.files.fileUrl(file);
        else return null;
        return { code: `export default ${JSON.stringify(value)};\n`, moduleType: 'js', moduleSideEffects: false };
      },
    },
  };
}

/** `{ src, width, height }`, plus `blurDataURL`, `blurWidth` and `blurHeight` for PNG, JPEG, WebP and AVIF. */
async function staticImage(file: string, options: { root: string; files: AssetFiles }): Promise<{ src: string; width: number; height: number } & Partial<BlurPlaceholder>> {
  let size: { width?: number; height?: number };
  const content = readFileSync(file);
  try {
    size = imageSize(content);
  } catch (error) {
    throw new NexxoBuildError('NEXXO_IMAGE', `${relative(options.root, file)}: the image's size cannot be read (${(error as Error).message}).\n  Fix: check that the file is a valid image, or import it with \`?url\`.`, { file, cause: error });
  }
  const width = size.width ?? 0;
  const height = size.height ?? 0;
  const blur = await blurPlaceholder(file, content, { width, height });
  return { src: options.files.fileUrl(file), width, height, ...blur };
}
