import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

const IGNORED = new Set(['node_modules', '.nexxo', '.git']);

/**
 * Watches the app folder and reports changed paths in batches, so an editor that writes a file in
 * several steps causes one rebuild. One non-recursive watcher per folder: a folder watch keeps
 * reporting a file that an editor replaces by renaming over it ("safe write", `sed -i`), which a
 * recursive watch on Linux loses track of after the first time. The events of one save arrive
 * within a millisecond or two, so a short wait batches them without delaying every update.
 */
export function watchFiles(root: string, onChange: (paths: string[]) => void, debounceMs = 5): { close(): void } {
  const pending = new Set<string>();
  const watchers = new Map<string, FSWatcher>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const report = (path: string) => {
    pending.add(path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const paths = [...pending];
      pending.clear();
      onChange(paths);
    }, debounceMs);
  };

  const watchDir = (dir: string) => {
    if (watchers.has(dir)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, (_event, filename) => {
        if (!filename) return;
        const path = join(dir, filename.toString());
        if (IGNORED.has(filename.toString())) return;
        // A new folder is watched from now on (its files are reported as they appear).
        if (isDir(path)) walk(path);
        else if (watchers.has(path) && !isDir(path)) unwatch(path);
        report(path);
      });
    } catch (cause) {
      if (dir !== root) return; // removed meanwhile
      throw Object.assign(new Error(`Cannot watch ${root} for changes: ${(cause as Error).message}`, { cause }), { code: 'NEXXO_WATCH_FAILED' });
    }
    watcher.on('error', () => unwatch(dir));
    watchers.set(dir, watcher);
  };

  const unwatch = (dir: string) => {
    for (const [path, watcher] of watchers) {
      if (path === dir || path.startsWith(dir + '/')) {
        watcher.close();
        watchers.delete(path);
      }
    }
  };

  const walk = (dir: string) => {
    watchDir(dir);
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) if (entry.isDirectory() && !IGNORED.has(entry.name)) walk(join(dir, entry.name));
  };

  walk(root);
  return {
    close() {
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
