import { dirname, isAbsolute, join, relative, sep } from 'node:path';

/** Where a traced file goes inside the standalone folder (a relative path), or null to leave it out. */
export type StandalonePath = (file: string) => string | null;

export interface StandaloneLayoutOptions {
  /** The app's folder, absolute. */
  root: string;
  /** Symlinks met while tracing (absolute link path → absolute real target). */
  links: Map<string, string>;
}

/**
 * Maps traced files (absolute real paths) to their place in the standalone folder, which is laid
 * out like the app: files of the app at its top, and one `node_modules` that merges every
 * `node_modules` folder Node searches from the app (the app's, then its parents', as in an npm
 * workspace where dependencies are hoisted to the repository root).
 *
 * A symlink whose target is outside every such `node_modules` (a workspace package:
 * `node_modules/nexxo → ../framework`) is materialised: its traced files are placed under the
 * link's own path, so the folder works wherever it is copied. Links inside `node_modules` (pnpm's
 * `.pnpm` store) stay links, see `linkTarget`.
 */
export function standaloneLayout({ root, links }: StandaloneLayoutOptions): { place: StandalonePath; linkTarget(link: string): string | null } {
  const moduleRoots = searchedModuleFolders(root);
  const materialised = [...links].filter(([, target]) => !moduleRoots.some((folder) => isInside(target, folder)));

  const place = (file: string, seen = new Set<string>()): string | null => {
    // The deepest `node_modules` wins: it is the one Node finds first from the app.
    const folder = moduleRoots.find((candidate) => isInside(file, candidate));
    if (folder) return toPosix(join('node_modules', relative(folder, file)));
    let best: [string, string] | undefined;
    for (const [link, target] of materialised) if ((file === target || isInside(file, target)) && (!best || target.length > best[1].length)) best = [link, target];
    if (best && !seen.has(best[0])) {
      seen.add(best[0]);
      const linkPlace = place(best[0], seen);
      return linkPlace && toPosix(join(linkPlace, relative(best[1], file)));
    }
    if (isInside(file, root)) return toPosix(relative(root, file));
    return null;
  };

  /** A kept link's target relative to the link's own place, or null when the link is materialised. */
  const linkTarget = (link: string): string | null => {
    const target = links.get(link);
    if (!target || materialised.some(([materialisedLink]) => materialisedLink === link)) return null;
    const from = place(link);
    const to = place(target);
    return from && to ? toPosix(relative(dirname(from), to)) || '.' : null;
  };

  return { place: (file) => place(file), linkTarget };
}

/** `<root>/node_modules`, `<parent>/node_modules`, … up to the file system root: deepest first. */
export function searchedModuleFolders(root: string): string[] {
  const folders: string[] = [];
  for (let dir = root; ; dir = dirname(dir)) {
    if (!dir.endsWith(`${sep}node_modules`)) folders.push(join(dir, 'node_modules'));
    if (dirname(dir) === dir) return folders;
  }
}

function isInside(file: string, folder: string): boolean {
  const path = relative(folder, file);
  return path !== '' && !path.startsWith('..') && !isAbsolute(path);
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
