import type { MigrationReport } from './report.js';
import { isPagesRouterFile } from './project-files.js';

const LISTED_PAGES = 10;

/**
 * Reports the Next.js features that are files rather than code: Pages Router routes, parallel and
 * intercepting routes (blocking), middleware/proxy (supported), instrumentation (not supported).
 */
export function reportProjectFeatures(files: string[], report: MigrationReport): void {
  const pages = files.filter(isPagesRouterFile);
  for (const page of pages.slice(0, LISTED_PAGES)) {
    report.blocking(page, 'is a Pages Router route, which Nexxo does not support. Move it to app/ as a page.tsx (or route.ts for pages/api) — see https://nextjs.org/docs/app/guides/migrating/app-router-migration.');
  }
  if (pages.length > LISTED_PAGES) report.blocking(pages[0]!.replace(/pages\/.*$/, 'pages/'), `and ${pages.length - LISTED_PAGES} more Pages Router files.`);
  for (const [folder, kind] of unsupportedSegments(files)) {
    report.blocking(folder, `is ${kind === 'parallel' ? 'a parallel route slot (@folder)' : 'an intercepting route ((.)folder)'}, which Nexxo does not support yet: the build stops on it. Turn it into a regular segment, or prefix the folder with _ to keep it out of routing.`);
  }
  for (const file of files) {
    if (/^(src\/)?(middleware|proxy)\.[jt]s$/.test(file)) report.kept(file, 'is supported by Nexxo as it is (see docs/middleware.md).');
    if (/^(src\/)?mdx-components\.[jt]sx?$/.test(file)) report.kept(file, "is supported by Nexxo as it is: its `useMDXComponents()` gives every MDX file its components.");
    if (/^(src\/)?instrumentation(-client)?\.[jt]s$/.test(file)) {
      report.attention(file, 'is not run by Nexxo (`register()` and `onRequestError` are Next.js hooks). Start what it sets up (tracing, error reporting) from your server entry or a module the root layout imports.');
    }
  }
}

/** `app/` folders the router cannot take yet (the build rejects them the same way), outside `_private` folders. */
function unsupportedSegments(files: string[]): Map<string, 'parallel' | 'intercepting'> {
  const found = new Map<string, 'parallel' | 'intercepting'>();
  for (const file of files) {
    const parts = /^(?:src\/)?app\//.exec(file) ? file.split('/') : [];
    const start = parts[0] === 'src' ? 2 : 1;
    for (let index = start; index < parts.length - 1; index++) {
      const name = parts[index]!;
      if (name.startsWith('_')) break;
      const kind = name.startsWith('@') ? 'parallel' : /^\(\.{1,3}\)/.test(name) ? 'intercepting' : null;
      if (kind) {
        found.set(parts.slice(0, index + 1).join('/') + '/', kind);
        break;
      }
    }
  }
  return found;
}
