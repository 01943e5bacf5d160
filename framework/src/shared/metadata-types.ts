/**
 * The `metadata` / `generateMetadata` and `viewport` shapes, as in Next.js (the commonly used
 * fields). Exported from `nexxo` as `Metadata`, `Viewport` and `MetadataRoute`.
 */
/** A URL string or a `URL` object (typed structurally: this folder has no DOM or Node types). */
export type Url = string | { readonly href: string };

export type TemplateString = string | { default: string; template?: string } | { absolute: string; template?: string };

export interface Author {
  name?: string;
  url?: Url;
}

export interface OGImageDescriptor {
  url: Url;
  secureUrl?: Url;
  alt?: string;
  type?: string;
  width?: number | string;
  height?: number | string;
}
export type OGImage = Url | OGImageDescriptor;

export interface OpenGraph {
  type?: 'website' | 'article' | 'book' | 'profile' | 'music.song' | 'music.album' | 'video.movie' | 'video.episode' | 'video.other' | (string & {});
  title?: string;
  description?: string;
  url?: Url;
  siteName?: string;
  locale?: string;
  alternateLocale?: string | string[];
  images?: OGImage | OGImage[];
  videos?: Url | { url: Url; width?: number; height?: number; type?: string } | Array<Url | { url: Url; width?: number; height?: number; type?: string }>;
  audio?: Url | { url: Url; type?: string } | Array<Url | { url: Url; type?: string }>;
  emails?: string | string[];
  phoneNumbers?: string | string[];
  determiner?: 'a' | 'an' | 'the' | 'auto' | '';
  publishedTime?: string;
  modifiedTime?: string;
  expirationTime?: string;
  authors?: string | string[];
  section?: string;
  tags?: string | string[];
}

export interface Twitter {
  card?: 'summary' | 'summary_large_image' | 'app' | 'player';
  site?: string;
  siteId?: string;
  creator?: string;
  creatorId?: string;
  title?: string;
  description?: string;
  images?: OGImage | OGImage[];
}

export interface RobotsInfo {
  index?: boolean;
  follow?: boolean;
  noarchive?: boolean;
  nosnippet?: boolean;
  noimageindex?: boolean;
  nocache?: boolean;
  notranslate?: boolean;
  'max-snippet'?: number;
  'max-image-preview'?: 'none' | 'standard' | 'large';
  'max-video-preview'?: number | string;
}

export interface IconDescriptor {
  url: Url;
  type?: string;
  sizes?: string;
  media?: string;
  rel?: string;
  color?: string;
  fetchPriority?: 'high' | 'low' | 'auto';
}
export type Icon = Url | IconDescriptor;
export interface Icons {
  icon?: Icon | Icon[];
  shortcut?: Icon | Icon[];
  apple?: Icon | Icon[];
  other?: IconDescriptor | IconDescriptor[];
}

export interface Metadata {
  metadataBase?: Url | null;
  title?: TemplateString | null;
  description?: string | null;
  applicationName?: string | null;
  authors?: Author | Author[] | null;
  generator?: string | null;
  keywords?: string | string[] | null;
  referrer?: 'no-referrer' | 'origin' | 'no-referrer-when-downgrade' | 'origin-when-cross-origin' | 'same-origin' | 'strict-origin' | 'strict-origin-when-cross-origin' | 'unsafe-url' | null;
  creator?: string | null;
  publisher?: string | null;
  robots?: string | (RobotsInfo & { googleBot?: string | RobotsInfo }) | null;
  alternates?: {
    canonical?: Url | null;
    languages?: Record<string, Url | null>;
    media?: Record<string, Url | null>;
    types?: Record<string, Url | null>;
  } | null;
  icons?: Icon | Icon[] | Icons | null;
  manifest?: Url | null;
  openGraph?: OpenGraph | null;
  twitter?: Twitter | null;
  verification?: { google?: string | string[]; yahoo?: string | string[]; yandex?: string | string[]; me?: string | string[]; other?: Record<string, string | string[]> } | null;
  appleWebApp?: boolean | { capable?: boolean; title?: string; statusBarStyle?: 'default' | 'black' | 'black-translucent' } | null;
  formatDetection?: { telephone?: boolean; date?: boolean; address?: boolean; email?: boolean; url?: boolean } | null;
  category?: string | null;
  classification?: string | null;
  other?: Record<string, string | number | Array<string | number>> | null;
}

/** The `parent` argument of generateMetadata: the metadata resolved by the layouts above. */
export type ResolvingMetadata = Promise<Omit<Metadata, 'title'> & { title: { absolute: string; template: string | null } | null }>;
export type ResolvingViewport = Promise<Viewport>;

export interface ThemeColorDescriptor {
  color: string;
  media?: string;
}

export interface Viewport {
  width?: string | number;
  height?: string | number;
  initialScale?: number;
  minimumScale?: number;
  maximumScale?: number;
  userScalable?: boolean;
  viewportFit?: 'auto' | 'cover' | 'contain';
  interactiveWidget?: 'resizes-visual' | 'resizes-content' | 'overlays-content';
  themeColor?: string | ThemeColorDescriptor | ThemeColorDescriptor[] | null;
  colorScheme?: 'normal' | 'light' | 'dark' | 'light dark' | 'dark light' | 'only light' | null;
}

/** What `app/robots.ts`, `app/sitemap.ts` and `app/manifest.ts` return. */
export declare namespace MetadataRoute {
  type Robots = {
    rules:
      | { userAgent?: string | string[]; allow?: string | string[]; disallow?: string | string[]; crawlDelay?: number }
      | Array<{ userAgent: string | string[]; allow?: string | string[]; disallow?: string | string[]; crawlDelay?: number }>;
    sitemap?: string | string[];
    host?: string;
  };
  type Sitemap = Array<{
    url: string;
    lastModified?: string | Date;
    changeFrequency?: 'always' | 'hourly' | 'daily' | 'weekly' | 'monthly' | 'yearly' | 'never';
    priority?: number;
    alternates?: { languages?: Record<string, string> };
    images?: string[];
  }>;
  type Manifest = {
    name?: string;
    short_name?: string;
    description?: string;
    start_url?: string;
    display?: 'fullscreen' | 'standalone' | 'minimal-ui' | 'browser';
    background_color?: string;
    theme_color?: string;
    icons?: Array<{ src: string; sizes?: string; type?: string; purpose?: 'any' | 'maskable' | 'monochrome' }>;
    [key: string]: unknown;
  };
}
