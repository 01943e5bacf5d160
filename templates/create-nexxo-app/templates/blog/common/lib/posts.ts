import { marked } from 'marked';
import { sources } from '@/posts';

export interface Post {
  slug: string;
  title: string;
  /** YYYY-MM-DD */
  date: string;
  description: string;
  /** The Markdown body, without the front matter. */
  body: string;
}

/** All posts, newest first. */
export function getPosts(): Post[] {
  return Object.entries(sources)
    .map(([slug, source]) => parsePost(slug, source))
    .sort((a, b) => b.date.localeCompare(a.date));
}

export function getPost(slug: string): Post | undefined {
  const source = sources[slug];
  return source === undefined ? undefined : parsePost(slug, source);
}

/**
 * The post's body as HTML. Posts are pages that are prerendered, so this runs at build time.
 * The Markdown is your own, trusted content; do not feed it text from users without sanitising.
 */
export function renderMarkdown(markdown: string): string {
  return marked.parse(markdown, { async: false, gfm: true });
}

export function formatDate(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

/** Reads the `key: value` front matter between `---` lines at the top of a post. */
function parsePost(slug: string, source: string): Post {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  const fields: Record<string, string> = {};
  for (const line of (match?.[1] ?? '').split(/\r?\n/)) {
    const separator = line.indexOf(':');
    if (separator > 0) fields[line.slice(0, separator).trim()] = line.slice(separator + 1).trim();
  }
  const { title, date, description = '' } = fields;
  if (!title || !date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw new Error(`posts/${slug}.md needs front matter with a title and a date (YYYY-MM-DD) between --- lines at the top.`);
  }
  return { slug, title, date, description, body: match?.[2] ?? source };
}
