import type { ReactNode } from 'react';
import type { IconDescriptor, OGImage, Url } from '../../shared/metadata-types.js';
import type { ResolvedMetadata, ResolvedViewport } from './resolve-metadata.js';

const warned = new Set<string>();

/**
 * The `<head>` tags for resolved metadata, as React elements: React hoists `<title>`, `<meta>` and
 * `<link>` into the document head when streaming, and swaps them on client navigation.
 */
export function renderMetadata(metadata: ResolvedMetadata, viewport: ResolvedViewport, requestUrl: URL): ReactNode[] {
  const tags: ReactNode[] = [];
  const meta = (name: string, content: unknown, attribute: 'name' | 'property' = 'name') => {
    if (content === undefined || content === null || content === '') return;
    tags.push(<meta key={`${attribute}:${name}:${tags.length}`} {...{ [attribute]: name }} content={String(content)} />);
  };
  const link = (rel: string, href: string, extra: Record<string, string | undefined> = {}) => tags.push(<link key={`link:${rel}:${href}:${tags.length}`} rel={rel} href={href} {...extra} />);
  const base = metadata.metadataBase;
  /** Social URLs must be absolute: relative ones resolve against metadataBase (or, with a warning, the request). */
  const absolute = (url: Url, source: string | undefined) => {
    const text = String(url);
    if (/^[a-z][a-z\d+.-]*:/i.test(text)) return text;
    if (base) return new URL(text, base).href;
    const key = `${source}:${text}`;
    if (!warned.has(key)) {
      warned.add(key);
      console.warn(`[nexxo] ${source ?? 'metadata'}: the social image URL ${text} is relative and no metadataBase is set, so it resolves against ${requestUrl.origin}.\n  Fix: set \`metadataBase: new URL('https://your-site.example')\` in the root layout's metadata.`);
    }
    return new URL(text, requestUrl).href;
  };
  const resolveUrl = (url: Url) => (base ? new URL(String(url), base).href : String(url));

  tags.push(<meta key="charset" charSet="utf-8" />);
  const viewportContent = viewportString(viewport);
  if (viewportContent) meta('viewport', viewportContent);
  for (const color of toArray(viewport.themeColor)) {
    if (typeof color === 'string') meta('theme-color', color);
    else tags.push(<meta key={`theme-color:${color.color}:${color.media}`} name="theme-color" content={color.color} {...(color.media ? { media: color.media } : {})} />);
  }
  if (viewport.colorScheme) meta('color-scheme', viewport.colorScheme);

  if (metadata.title?.absolute) tags.push(<title key="title">{metadata.title.absolute}</title>);
  meta('description', metadata.description);
  meta('application-name', metadata.applicationName);
  for (const author of toArray(metadata.authors)) {
    if (author.url) link('author', resolveUrl(author.url));
    meta('author', author.name);
  }
  meta('generator', metadata.generator);
  meta('keywords', Array.isArray(metadata.keywords) ? metadata.keywords.join(',') : metadata.keywords);
  meta('referrer', metadata.referrer);
  meta('creator', metadata.creator);
  meta('publisher', metadata.publisher);
  if (metadata.robots) {
    const { googleBot, ...robots } = typeof metadata.robots === 'string' ? { googleBot: undefined } : metadata.robots;
    meta('robots', typeof metadata.robots === 'string' ? metadata.robots : robotsString(robots));
    if (googleBot) meta('googlebot', typeof googleBot === 'string' ? googleBot : robotsString(googleBot));
  }
  meta('category', metadata.category);
  meta('classification', metadata.classification);

  const alternates = metadata.alternates;
  if (alternates?.canonical) link('canonical', resolveUrl(alternates.canonical));
  for (const [language, url] of Object.entries(alternates?.languages ?? {})) if (url) link('alternate', resolveUrl(url), { hrefLang: language });
  for (const [media, url] of Object.entries(alternates?.media ?? {})) if (url) link('alternate', resolveUrl(url), { media });
  for (const [type, url] of Object.entries(alternates?.types ?? {})) if (url) link('alternate', resolveUrl(url), { type });

  for (const icon of iconList(metadata.icons)) {
    const { url, rel, ...rest } = icon;
    link(rel, String(url), Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined).map(([key, value]) => [key, String(value)])));
  }
  if (metadata.manifest) link('manifest', String(metadata.manifest));

  const openGraph = metadata.openGraph;
  if (openGraph) {
    meta('og:title', openGraph.title, 'property');
    meta('og:description', openGraph.description, 'property');
    if (openGraph.url) meta('og:url', resolveUrl(openGraph.url), 'property');
    meta('og:site_name', openGraph.siteName, 'property');
    meta('og:locale', openGraph.locale, 'property');
    for (const image of toArray(openGraph.images)) ogImage(image, metadata.sources.openGraph);
    for (const video of toArray(openGraph.videos)) meta('og:video', hasUrl(video) ? resolveUrl(video.url) : resolveUrl(video), 'property');
    for (const locale of toArray(openGraph.alternateLocale)) meta('og:locale:alternate', locale, 'property');
    // No default type: Next.js writes og:type only when openGraph.type is set.
    meta('og:type', openGraph.type, 'property');
    if (openGraph.type === 'article') {
      meta('article:published_time', openGraph.publishedTime, 'property');
      meta('article:modified_time', openGraph.modifiedTime, 'property');
      meta('article:expiration_time', openGraph.expirationTime, 'property');
      for (const author of toArray(openGraph.authors)) meta('article:author', author, 'property');
      meta('article:section', openGraph.section, 'property');
      for (const tag of toArray(openGraph.tags)) meta('article:tag', tag, 'property');
    }
  }
  const twitter = metadata.twitter;
  if (twitter) {
    meta('twitter:card', twitter.card);
    meta('twitter:site', twitter.site);
    meta('twitter:site:id', twitter.siteId);
    meta('twitter:creator', twitter.creator);
    meta('twitter:creator:id', twitter.creatorId);
    meta('twitter:title', twitter.title);
    meta('twitter:description', twitter.description);
    for (const image of toArray(twitter.images)) twitterImage(image, metadata.sources.twitter);
  }

  const verification = metadata.verification;
  if (verification) {
    for (const value of toArray(verification.google)) meta('google-site-verification', value);
    for (const value of toArray(verification.yandex)) meta('yandex-verification', value);
    for (const value of toArray(verification.yahoo)) meta('y_key', value);
    for (const value of toArray(verification.me)) meta('me', value);
    for (const [name, values] of Object.entries(verification.other ?? {})) for (const value of toArray(values)) meta(name, value);
  }
  if (metadata.appleWebApp) {
    const app = metadata.appleWebApp === true ? { capable: true } : metadata.appleWebApp;
    if (app.capable !== false) meta('mobile-web-app-capable', 'yes');
    meta('apple-mobile-web-app-title', app.title);
    meta('apple-mobile-web-app-status-bar-style', app.statusBarStyle);
  }
  if (metadata.formatDetection) {
    const off = Object.entries(metadata.formatDetection).filter(([, value]) => value === false).map(([key]) => `${key}=no`);
    if (off.length) meta('format-detection', off.join(', '));
  }
  for (const [name, values] of Object.entries(metadata.other ?? {})) for (const value of toArray(values)) meta(name, value);
  return tags;

  function ogImage(image: OGImage, source: string | undefined) {
    const descriptor: Exclude<OGImage, Url> = hasUrl(image) ? image : { url: image };
    meta('og:image', absolute(descriptor.url, source), 'property');
    if (descriptor.secureUrl) meta('og:image:secure_url', absolute(descriptor.secureUrl, source), 'property');
    meta('og:image:type', descriptor.type, 'property');
    meta('og:image:width', descriptor.width, 'property');
    meta('og:image:height', descriptor.height, 'property');
    meta('og:image:alt', descriptor.alt, 'property');
  }

  /** Twitter's image tags, in the order Next.js writes them (alt right after the URL). */
  function twitterImage(image: OGImage, source: string | undefined) {
    const descriptor: Exclude<OGImage, Url> = hasUrl(image) ? image : { url: image };
    meta('twitter:image', absolute(descriptor.url, source));
    meta('twitter:image:alt', descriptor.alt);
    if (descriptor.secureUrl) meta('twitter:image:secure_url', absolute(descriptor.secureUrl, source));
    meta('twitter:image:type', descriptor.type);
    meta('twitter:image:width', descriptor.width);
    meta('twitter:image:height', descriptor.height);
  }
}

/** A descriptor object (`{ url, … }`) rather than a plain URL string or URL object. */
function hasUrl<T extends object>(value: T | Url): value is T & { url: Url } {
  return typeof value === 'object' && value !== null && 'url' in value;
}

function toArray<T>(value: T | readonly T[] | null | undefined): T[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? [...value] : [value as T];
}

function viewportString(viewport: ResolvedViewport): string {
  const parts: string[] = [];
  const add = (key: string, value: unknown) => value !== undefined && value !== null && parts.push(`${key}=${value}`);
  add('width', viewport.width);
  add('height', viewport.height);
  add('initial-scale', viewport.initialScale);
  add('minimum-scale', viewport.minimumScale);
  add('maximum-scale', viewport.maximumScale);
  if (viewport.userScalable !== undefined) add('user-scalable', viewport.userScalable ? 'yes' : 'no');
  add('viewport-fit', viewport.viewportFit);
  add('interactive-widget', viewport.interactiveWidget);
  return parts.join(', ');
}

function robotsString(robots: object): string {
  const parts: string[] = [];
  const { index, follow } = robots as { index?: boolean; follow?: boolean };
  if (index !== undefined) parts.push(index ? 'index' : 'noindex');
  if (follow !== undefined) parts.push(follow ? 'follow' : 'nofollow');
  for (const [key, value] of Object.entries(robots) as Array<[string, unknown]>) {
    if (key === 'index' || key === 'follow' || value === undefined) continue;
    parts.push(typeof value === 'boolean' ? (value ? key : '') : `${key}:${value}`);
  }
  return parts.filter(Boolean).join(', ');
}

/** Resolved icons as link descriptors, in Next.js's order: shortcut, icon, apple, other. */
function iconList(icons: ResolvedMetadata['icons']): Array<IconDescriptor & { rel: string }> {
  if (!icons) return [];
  return [
    ...(icons.shortcut ?? []).map((icon) => ({ ...icon, rel: icon.rel ?? 'shortcut icon' })),
    ...icons.icon.map((icon) => ({ ...icon, rel: icon.rel ?? 'icon' })),
    ...icons.apple.map((icon) => ({ ...icon, rel: icon.rel ?? 'apple-touch-icon' })),
    ...(icons.other ?? []).map((icon) => ({ ...icon, rel: icon.rel ?? 'icon' })),
  ];
}
