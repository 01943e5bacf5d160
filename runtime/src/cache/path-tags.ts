/**
 * The implicit tags that connect cached data to pages. A render stores its entries with the tags
 * of its own path, its route pattern and every layout above it; revalidatePath then invalidates
 * one of those tags. Paths are normalized the same way on both sides (no trailing slash, each
 * segment URL-decoded), so `/blog/hello%20world` and `/blog/hello world/` meet.
 */

/**
 * The tags of a page render: `path:` its pathname and route id (`/blog/[slug]`), and `layout:`
 * each ancestor of both, from `/` down to the full path.
 * @example
 * pathTags('/blog/a', '/blog/[slug]');
 * // ['path:/blog/a', 'path:/blog/[slug]', 'layout:/', 'layout:/blog', 'layout:/blog/a', 'layout:/blog/[slug]']
 */
export function pathTags(pathname: string, routeId: string): string[] {
  const paths = [segments(pathname), segments(routeId)];
  const tags = paths.map((parts) => `path:${join(parts)}`);
  for (const parts of paths) for (let depth = 0; depth <= parts.length; depth++) tags.push(`layout:${join(parts.slice(0, depth))}`);
  return [...new Set(tags)];
}

/**
 * The tag revalidatePath invalidates: `path:<path>` for a page (the default; a route id such as
 * `/blog/[slug]` reaches every page of that route), `layout:<path>` for a layout (every page below it).
 * @example
 * revalidatePathTags('/blog', 'layout'); // ['layout:/blog']
 */
export function revalidatePathTags(path: string, type: 'page' | 'layout' = 'page'): string[] {
  return [`${type === 'layout' ? 'layout' : 'path'}:${join(segments(path))}`];
}

function segments(path: string): string[] {
  return path
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment; // a stray % is a literal character
      }
    });
}

function join(parts: string[]): string {
  return `/${parts.join('/')}`;
}
