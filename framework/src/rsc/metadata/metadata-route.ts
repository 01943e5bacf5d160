import type { MetadataRoute } from '../../shared/metadata-types.js';
import type { Params } from '../../shared/app-module.js';

// The handlers behind metadata files (see metadataRoutesPlugin). Web APIs only: they run on every platform.

type MetadataModule = Record<string, unknown>;
type Context = { params: Promise<Params> };

const REVALIDATE = 'public, max-age=0, must-revalidate';

/** A static file (`icon.png`, `robots.txt`…), its bytes inlined in the server bundle. */
export function fileResponse(base64: string, contentType: string): Response {
  const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
  return new Response(bytes, { headers: { 'Content-Type': contentType, 'Cache-Control': REVALIDATE } });
}

/** `icon.tsx`, `opengraph-image.tsx`…: the default export returns the image (an ImageResponse). */
export async function imageResponse(module: MetadataModule, context: Context, kind: string): Promise<Response> {
  const generate = defaultFunction(module, kind);
  const response = await generate({ params: context.params });
  if (!(response instanceof Response))
    throw new Error(`${kind}: the default export returned ${typeof response}, not a Response. Return an ImageResponse from 'nexxo/og' (or any Response with an image).`);
  const headers = new Headers(response.headers);
  if (typeof module.contentType === 'string') headers.set('Content-Type', module.contentType);
  if (!headers.has('Cache-Control')) headers.set('Cache-Control', REVALIDATE);
  return new Response(response.body, { status: response.status, headers });
}

export async function robotsResponse(module: MetadataModule): Promise<Response> {
  const robots = (await defaultFunction(module, 'robots')()) as MetadataRoute.Robots;
  return new Response(robotsText(robots), { headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': REVALIDATE } });
}

export async function sitemapResponse(module: MetadataModule): Promise<Response> {
  const sitemap = (await defaultFunction(module, 'sitemap')()) as MetadataRoute.Sitemap;
  return new Response(sitemapXml(sitemap), { headers: { 'Content-Type': 'application/xml', 'Cache-Control': REVALIDATE } });
}

export async function manifestResponse(module: MetadataModule): Promise<Response> {
  const manifest = (await defaultFunction(module, 'manifest')()) as MetadataRoute.Manifest;
  return new Response(JSON.stringify(manifest), { headers: { 'Content-Type': 'application/manifest+json', 'Cache-Control': REVALIDATE } });
}

function defaultFunction(module: MetadataModule, kind: string): (props?: unknown) => unknown {
  if (typeof module.default !== 'function') throw new Error(`${kind}: the file must export a function as default, e.g. \`export default function ${kind.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase())}() { … }\`.`);
  return module.default as (props?: unknown) => unknown;
}

export function robotsText(robots: MetadataRoute.Robots): string {
  const lines: string[] = [];
  for (const rule of Array.isArray(robots.rules) ? robots.rules : [robots.rules]) {
    for (const agent of list(rule.userAgent ?? '*')) lines.push(`User-Agent: ${agent}`);
    for (const path of list(rule.allow)) lines.push(`Allow: ${path}`);
    for (const path of list(rule.disallow)) lines.push(`Disallow: ${path}`);
    if (rule.crawlDelay !== undefined) lines.push(`Crawl-delay: ${rule.crawlDelay}`);
    lines.push('');
  }
  if (robots.host) lines.push(`Host: ${robots.host}`);
  for (const sitemap of list(robots.sitemap)) lines.push(`Sitemap: ${sitemap}`);
  return lines.join('\n').trimEnd() + '\n';
}

export function sitemapXml(sitemap: MetadataRoute.Sitemap): string {
  const hasAlternates = sitemap.some((entry) => entry.alternates?.languages);
  const hasImages = sitemap.some((entry) => entry.images?.length);
  const namespaces = ['xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"', hasAlternates ? 'xmlns:xhtml="http://www.w3.org/1999/xhtml"' : '', hasImages ? 'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"' : ''].filter(Boolean);
  const entries = sitemap.map((entry) => {
    const lines = [`<loc>${escapeXml(entry.url)}</loc>`];
    for (const [language, href] of Object.entries(entry.alternates?.languages ?? {})) lines.push(`<xhtml:link rel="alternate" hreflang="${escapeXml(language)}" href="${escapeXml(href)}" />`);
    for (const image of entry.images ?? []) lines.push(`<image:image>\n<image:loc>${escapeXml(image)}</image:loc>\n</image:image>`);
    if (entry.lastModified) lines.push(`<lastmod>${new Date(entry.lastModified).toISOString()}</lastmod>`);
    if (entry.changeFrequency) lines.push(`<changefreq>${entry.changeFrequency}</changefreq>`);
    if (entry.priority !== undefined) lines.push(`<priority>${entry.priority}</priority>`);
    return `<url>\n${lines.join('\n')}\n</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset ${namespaces.join(' ')}>\n${entries.join('\n')}\n</urlset>\n`;
}

function list(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[character]!);
}
