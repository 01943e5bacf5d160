import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { imageSize } from 'image-size';
import { metadataContentType } from './metadata-files.js';

/**
 * What `<head>` needs of a static image: its type, size, alt text and a content hash for the URL.
 * Apart from metadata-files.ts, which scanning `app/` loads: a scan reads file names only, and
 * image-size is some 25 modules.
 */
export function staticImageInfo(file: string): { type: string; width?: number; height?: number; alt?: string; hash: string } {
  const content = readFileSync(file);
  const info: { type: string; width?: number; height?: number; alt?: string; hash: string } = {
    type: metadataContentType(file),
    hash: createHash('sha256').update(content).digest('hex').slice(0, 16),
  };
  try {
    const size = imageSize(content);
    if (size.width && size.height) Object.assign(info, { width: size.width, height: size.height });
  } catch {
    // An .ico or .svg without a readable size: linked without `sizes`.
  }
  // `opengraph-image.alt.txt` beside `opengraph-image.png`.
  const altFile = file.slice(0, file.lastIndexOf('.')) + '.alt.txt';
  if (existsSync(altFile)) info.alt = readFileSync(altFile, 'utf8').trim();
  return info;
}
