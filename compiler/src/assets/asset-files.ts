import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';

/**
 * Files the app's code and CSS refer to by URL (images, fonts, compiled CSS): each gets a
 * content-hashed name under `<base>media/` or `<base>css/`, the same in all three environments.
 * They are written once per build, after bundling.
 */
export class AssetFiles {
  readonly #base: string;
  /** URL path (below base) → content to write. */
  readonly #pending = new Map<string, Uint8Array | string>();

  constructor(base: string) {
    this.#base = base;
  }

  /** The URL of a file the app imports (an image, a font…). */
  fileUrl(file: string): string {
    const content = readFileSync(file);
    return this.#add('media', basename(file, extname(file)), extname(file), content);
  }

  /** The URL of a compiled stylesheet. */
  cssUrl(file: string, code: string): string {
    return this.#add('css', basename(file).replace(/\.(module\.)?(css|scss|sass)$/, (_, module: string | undefined) => (module ? '-module' : '')), '.css', code);
  }

  /** Writes the files added since the last call into `dir` (the folder served at `base`). */
  async write(dir: string): Promise<void> {
    const files = [...this.#pending];
    this.#pending.clear();
    await Promise.all(
      files.map(async ([path, content]) => {
        const target = join(dir, path);
        await mkdir(join(target, '..'), { recursive: true });
        await writeFile(target, content);
      }),
    );
  }

  #add(folder: string, name: string, extension: string, content: Uint8Array | string): string {
    const hash = createHash('sha256').update(content).digest('base64url').slice(0, 8).replace(/[-_]/g, 'x');
    const path = `${folder}/${name.replace(/[^\w.-]/g, '_')}-${hash}${extension}`;
    this.#pending.set(path, content);
    return this.#base + path;
  }
}
