import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Creates an output folder that tools skip: a `.gitignore` of `*` keeps it out of git, and out of
 * the sources Tailwind scans for class names (it honours .gitignore files), so build output never
 * feeds back into the app's CSS. Its package.json says the bundles (ES modules in `.js` files) are
 * modules, whatever the app's own package.json says (`"type": "commonjs"`, or nothing).
 */
export function createOutputDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, '.gitignore'), '*\n');
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
}
