import { relative, sep } from 'node:path';
import type { ScannedApp, ScannedRoute } from './scan-app.js';

/** The manifest's `styles`: stylesheet URLs per route file, keyed by its path relative to the root. */
export function stylesByRouteFile(root: string, styles: Map<string, string[]>): Record<string, string[]> {
  const byPath: Record<string, string[]> = {};
  for (const [file, hrefs] of styles) if (hrefs.length > 0) byPath[relative(root, file).split(sep).join('/')] = hrefs;
  return byPath;
}

/** The files a route renders: every special file along its segments (global-error is in the root's). */
export function routeFiles(app: ScannedApp, route: ScannedRoute): string[] {
  return route.segments.flatMap((index, position) =>
    Object.entries(app.segments[index]!.files)
      .filter(([kind]) => position === route.segments.length - 1 || (kind !== 'page' && kind !== 'route'))
      .map(([, file]) => file),
  );
}
