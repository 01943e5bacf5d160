import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';

/** `fetch`, or a stand-in (tests serve fake responses through it). */
export type FetchFunction = (url: string, init: { headers: Record<string, string>; signal: AbortSignal }) => Promise<Response>;

export interface GoogleFontsSource {
  /** Where downloads are kept: `<root>/node_modules/.cache/nexxo/google-fonts`. */
  cacheDir: string;
  fetch: FetchFunction;
  /** Never download; only the cache is used (`NEXXO_OFFLINE=1`). */
  offline: boolean;
}

/** One `@font-face` of Google's stylesheet, its font file downloaded. */
export interface DownloadedFace {
  /** From the comment Google writes before each rule (`/* latin *\/`), or null. */
  subset: string | null;
  /** The rule's descriptors besides font-family, src and font-display (font-weight, unicode-range…). */
  descriptors: Array<[string, string]>;
  /** The downloaded font file. */
  file: string;
}

/** Neither the network nor the cache had a file; `reason` says why. */
export class GoogleFontsDownloadError extends Error {
  constructor(readonly url: string, readonly reason: string) {
    super(`${url}: ${reason}`);
    this.name = 'GoogleFontsDownloadError';
  }
}

// Google serves each browser the formats it supports; this one gets WOFF2 split by subset.
const USER_AGENT = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const TIMEOUT_MS = 20_000;

/** Cache file of a downloaded URL: a hash of the URL, so a later build finds it without the network. */
export function cachedPath(cacheDir: string, url: string, name: string): string {
  const hash = createHash('sha256').update(url).digest('hex').slice(0, 16);
  const extension = extname(new URL(url).pathname) || '.css';
  return join(cacheDir, `${name.toLowerCase().replace(/[^a-z\d]+/g, '-')}-${hash}${extension}`);
}

/**
 * The faces of a Google Fonts css2 URL with their files, from the cache or downloaded into it.
 * Everything is cached as downloaded, so a later build (or a machine with a copy of the cache)
 * needs no network.
 */
export async function loadGoogleFont(cssUrl: string, familyName: string, source: GoogleFontsSource): Promise<DownloadedFace[]> {
  const cssFile = cachedPath(source.cacheDir, cssUrl, familyName);
  const css = new TextDecoder().decode(await cachedDownload(cssUrl, cssFile, source));
  const faces = parseFontFaces(css);
  if (faces.length === 0) throw new GoogleFontsDownloadError(cssUrl, 'the stylesheet has no @font-face rule');
  return Promise.all(
    faces.map(async (face) => {
      const file = cachedPath(source.cacheDir, face.url, familyName);
      await cachedDownload(face.url, file, source);
      return { subset: face.subset, descriptors: face.descriptors, file };
    }),
  );
}

async function cachedDownload(url: string, file: string, source: GoogleFontsSource): Promise<Uint8Array> {
  if (existsSync(file)) return readFileSync(file);
  if (source.offline) throw new GoogleFontsDownloadError(url, 'NEXXO_OFFLINE is set, so Nexxo does not download');
  let response: Response;
  try {
    response = await source.fetch(url, { headers: { 'User-Agent': USER_AGENT }, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new GoogleFontsDownloadError(url, `the download failed (${cause?.code ?? cause?.message ?? (error as Error).message})`);
  }
  if (!response.ok) throw new GoogleFontsDownloadError(url, `the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  const content = new Uint8Array(await response.arrayBuffer());
  mkdirSync(source.cacheDir, { recursive: true });
  // Written under a temporary name first: a build that stops midway leaves no truncated file behind.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
  return content;
}

/** The `@font-face` rules of a Google Fonts stylesheet. */
export function parseFontFaces(css: string): Array<{ subset: string | null; url: string; descriptors: Array<[string, string]> }> {
  const faces = [];
  for (const match of css.matchAll(/(?:\/\*\s*([^*]+?)\s*\*\/\s*)?@font-face\s*\{([^}]*)\}/g)) {
    const descriptors: Array<[string, string]> = [];
    let url: string | null = null;
    for (const declaration of match[2]!.split(';')) {
      const colon = declaration.indexOf(':');
      if (colon === -1) continue;
      const prop = declaration.slice(0, colon).trim().toLowerCase();
      const value = declaration.slice(colon + 1).trim();
      if (prop === 'src') url = /url\(\s*['"]?([^'")]+)['"]?\s*\)/.exec(value)?.[1] ?? null;
      else if (prop !== 'font-family' && prop !== 'font-display') descriptors.push([prop, value]);
    }
    if (url) faces.push({ subset: match[1] ?? null, url, descriptors });
  }
  return faces;
}
