import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GoogleFontsDownloadError, cachedPath, loadGoogleFont, parseFontFaces, type FetchFunction } from './google-fonts-download.js';

const cssUrl = 'https://fonts.googleapis.com/css2?family=Inter:wght@100..900&display=swap';
const css = `/* cyrillic */
@font-face {
  font-family: 'Inter';
  font-style: normal;
  font-weight: 100 900;
  font-display: swap;
  src: url(https://fonts.gstatic.com/s/inter/v18/cyrillic.woff2) format('woff2');
  unicode-range: U+0301, U+0400-045F;
}
/* latin */
@font-face {
  font-family: 'Inter';
  font-style: normal;
  font-weight: 100 900;
  font-display: swap;
  src: url(https://fonts.gstatic.com/s/inter/v18/latin.woff2) format('woff2');
  unicode-range: U+0000-00FF, U+0131;
}
`;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function cacheDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nexxo-google-fonts-'));
  dirs.push(dir);
  return join(dir, 'google-fonts');
}

/** A stand-in for fonts.googleapis.com and fonts.gstatic.com that records what was asked. */
function fakeGoogle(): { fetch: FetchFunction; requests: Array<{ url: string; userAgent: string | undefined }> } {
  const requests: Array<{ url: string; userAgent: string | undefined }> = [];
  return {
    requests,
    fetch: async (url, init) => {
      requests.push({ url, userAgent: init.headers['User-Agent'] });
      if (url === cssUrl) return new Response(css);
      if (url.endsWith('.woff2')) return new Response(new TextEncoder().encode(`font ${url}`));
      return new Response('Not Found', { status: 404, statusText: 'Not Found' });
    },
  };
}

describe('loadGoogleFont', () => {
  it('downloads the stylesheet and every font file into the cache, as a browser that takes WOFF2', async () => {
    const dir = cacheDir();
    const google = fakeGoogle();
    const faces = await loadGoogleFont(cssUrl, 'Inter', { cacheDir: dir, fetch: google.fetch, offline: false });
    expect(google.requests.map((request) => request.url)).toEqual([cssUrl, 'https://fonts.gstatic.com/s/inter/v18/cyrillic.woff2', 'https://fonts.gstatic.com/s/inter/v18/latin.woff2']);
    expect(google.requests.every((request) => /Chrome\/\d+/.test(request.userAgent ?? ''))).toBe(true);
    expect(faces.map((face) => face.subset)).toEqual(['cyrillic', 'latin']);
    expect(faces[1]!.descriptors).toEqual([
      ['font-style', 'normal'],
      ['font-weight', '100 900'],
      ['unicode-range', 'U+0000-00FF, U+0131'],
    ]);
    expect(readFileSync(faces[1]!.file, 'utf8')).toBe('font https://fonts.gstatic.com/s/inter/v18/latin.woff2');
    expect(readdirSync(dir).sort()).toEqual([cachedPath(dir, cssUrl, 'Inter'), ...faces.map((face) => face.file)].map((file) => file.slice(dir.length + 1)).sort());
  });

  it('uses the cache without the network on a later build, offline too', async () => {
    const dir = cacheDir();
    await loadGoogleFont(cssUrl, 'Inter', { cacheDir: dir, fetch: fakeGoogle().fetch, offline: false });
    const noNetwork: FetchFunction = () => Promise.reject(new Error('no network in this test'));
    const faces = await loadGoogleFont(cssUrl, 'Inter', { cacheDir: dir, fetch: noNetwork, offline: true });
    expect(faces).toHaveLength(2);
  });

  it('fails offline without a cached copy, naming the URL', async () => {
    const failure = loadGoogleFont(cssUrl, 'Inter', { cacheDir: cacheDir(), fetch: fakeGoogle().fetch, offline: true });
    await expect(failure).rejects.toBeInstanceOf(GoogleFontsDownloadError);
    await expect(failure).rejects.toMatchObject({ url: cssUrl, reason: 'NEXXO_OFFLINE is set, so Nexxo does not download' });
  });

  it('reports a network failure and an HTTP error with the reason', async () => {
    const unreachable: FetchFunction = () => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } }));
    await expect(loadGoogleFont(cssUrl, 'Inter', { cacheDir: cacheDir(), fetch: unreachable, offline: false })).rejects.toMatchObject({ reason: 'the download failed (ENOTFOUND)' });
    const missing = 'https://fonts.googleapis.com/css2?family=Nope&display=swap';
    await expect(loadGoogleFont(missing, 'Nope', { cacheDir: cacheDir(), fetch: fakeGoogle().fetch, offline: false })).rejects.toMatchObject({ reason: 'the server answered 404 Not Found' });
  });

  it('downloads a font file missing from an otherwise cached font', async () => {
    const dir = cacheDir();
    const faces = await loadGoogleFont(cssUrl, 'Inter', { cacheDir: dir, fetch: fakeGoogle().fetch, offline: false });
    rmSync(faces[0]!.file);
    const google = fakeGoogle();
    await loadGoogleFont(cssUrl, 'Inter', { cacheDir: dir, fetch: google.fetch, offline: false });
    expect(google.requests.map((request) => request.url)).toEqual(['https://fonts.gstatic.com/s/inter/v18/cyrillic.woff2']);
  });
});

describe('parseFontFaces', () => {
  it('reads each rule’s subset comment, URL and descriptors', () => {
    expect(parseFontFaces(css)[0]).toEqual({
      subset: 'cyrillic',
      url: 'https://fonts.gstatic.com/s/inter/v18/cyrillic.woff2',
      descriptors: [
        ['font-style', 'normal'],
        ['font-weight', '100 900'],
        ['unicode-range', 'U+0301, U+0400-045F'],
      ],
    });
  });

  it('accepts rules without a subset comment (a single-subset font)', () => {
    expect(parseFontFaces("@font-face { font-family: 'X'; src: url('https://fonts.gstatic.com/x.woff2') format('woff2'); }")).toEqual([{ subset: null, url: 'https://fonts.gstatic.com/x.woff2', descriptors: [] }]);
  });
});
