import { watch, type FSWatcher } from 'node:fs';
import { join, sep } from 'node:path';

const IGNORED = [`${sep}node_modules${sep}`, `${sep}.nexxo${sep}`, `${sep}.git${sep}`];

/**
 * Watches the app folder (recursively, one OS watcher) and reports changed paths in batches, so
 * an editor that writes a file in several steps causes one rebuild.
 */
export function watchFiles(root: string, onChange: (paths: string[]) => void, debounceMs = 15): { close(): void } {
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let watcher: FSWatcher;
  try {
    watcher = watch(root, { recursive: true }, (_event, filename) => {
      if (!filename) return;
      const path = join(root, filename.toString());
      if (IGNORED.some((part) => (path + sep).includes(part))) return;
      pending.add(path);
      clearTimeout(timer);
      timer = setTimeout(() => {
        const paths = [...pending];
        pending.clear();
        onChange(paths);
      }, debounceMs);
    });
  } catch (cause) {
    throw Object.assign(new Error(`Cannot watch ${root} for changes: ${(cause as Error).message}`, { cause }), { code: 'NEXXO_WATCH_FAILED' });
  }
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
