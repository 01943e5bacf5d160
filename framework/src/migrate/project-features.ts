import type { MigrationReport } from './report.js';
import { isPagesRouterFile } from './project-files.js';

const LISTED_PAGES = 10;

/**
 * Reports the Next.js features that are files rather than code: Pages Router routes (blocking),
 * middleware/proxy (supported), instrumentation (not supported).
 */
export function reportProjectFeatures(files: string[], report: MigrationReport): void {
  const pages = files.filter(isPagesRouterFile);
  for (const page of pages.slice(0, LISTED_PAGES)) {
    report.blocking(page, 'is a Pages Router route, which Nexxo does not support. Move it to app/ as a page.tsx (or route.ts for pages/api) — see https://nextjs.org/docs/app/guides/migrating/app-router-migration.');
  }
  if (pages.length > LISTED_PAGES) report.blocking(pages[0]!.replace(/pages\/.*$/, 'pages/'), `and ${pages.length - LISTED_PAGES} more Pages Router files.`);
  for (const file of files) {
    if (/^(src\/)?(middleware|proxy)\.[jt]s$/.test(file)) report.kept(file, 'is supported by Nexxo as it is (see docs/middleware.md).');
    if (/^(src\/)?mdx-components\.[jt]sx?$/.test(file)) report.kept(file, "is supported by Nexxo as it is: its `useMDXComponents()` gives every MDX file its components.");
    if (/^(src\/)?instrumentation(-client)?\.[jt]s$/.test(file)) {
      report.attention(file, 'is not run by Nexxo (`register()` and `onRequestError` are Next.js hooks). Start what it sets up (tracing, error reporting) from your server entry or a module the root layout imports.');
    }
  }
}
