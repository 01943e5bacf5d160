import { statSync } from 'node:fs';
import { join } from 'node:path';
import { NexxoConfigError } from './config-error.js';

export const CONFIG_FILE_NAMES = ['nexxo.config.ts', 'nexxo.config.mts', 'nexxo.config.js', 'nexxo.config.mjs'] as const;

/** The app's config file, absolute, or null when it has none. */
export function findConfigFile(root: string): string | null {
  const found = CONFIG_FILE_NAMES.filter((name) => isFile(join(root, name)));
  if (found.length > 1) {
    const names = found.map((name) => `\`${name}\``).join(' and ');
    throw new NexxoConfigError(
      `Found ${names} in ${root}. Nexxo reads one config file, and choosing one silently could ignore the ` +
        `options you meant. Merge them into one file and delete the other${found.length > 2 ? 's' : ''}.`,
    );
  }
  return found[0] ? join(root, found[0]) : null;
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}
