import { describe, expect, it } from 'vitest';
import { metadataFileOf } from './metadata-files.js';

describe('metadataFileOf', () => {
  it('recognises static and generated images in any segment, numbered or not', () => {
    expect(metadataFileOf('icon.png', '/a/icon.png', false)).toEqual({ kind: 'icon', file: '/a/icon.png', name: 'icon.png', generated: false });
    expect(metadataFileOf('icon2.tsx', '/a/icon2.tsx', false)).toEqual({ kind: 'icon', file: '/a/icon2.tsx', name: 'icon2', generated: true });
    expect(metadataFileOf('opengraph-image.jpg', '/a/x', false)?.kind).toBe('opengraph-image');
    expect(metadataFileOf('twitter-image.tsx', '/a/x', false)?.name).toBe('twitter-image');
    expect(metadataFileOf('apple-icon.png', '/a/x', false)?.kind).toBe('apple-icon');
  });

  it('ignores other files and extensions a kind does not take', () => {
    expect(metadataFileOf('page.tsx', '/a/x', true)).toBeNull();
    expect(metadataFileOf('apple-icon.svg', '/a/x', false)).toBeNull();
    expect(metadataFileOf('iconic.png', '/a/x', false)).toBeNull();
    expect(metadataFileOf('opengraph-image.alt.txt', '/a/x', false)).toBeNull();
  });

  it('takes favicon, robots, sitemap and manifest at the root only', () => {
    expect(metadataFileOf('robots.ts', '/a/x', true)).toMatchObject({ kind: 'robots', name: 'robots.txt', generated: true });
    expect(metadataFileOf('robots.txt', '/a/x', true)).toMatchObject({ kind: 'robots', name: 'robots.txt', generated: false });
    expect(metadataFileOf('sitemap.ts', '/a/x', true)?.name).toBe('sitemap.xml');
    expect(metadataFileOf('manifest.json', '/a/x', true)?.name).toBe('manifest.json');
    expect(metadataFileOf('manifest.ts', '/a/x', true)?.name).toBe('manifest.webmanifest');
    expect(metadataFileOf('favicon.ico', '/a/x', true)?.kind).toBe('favicon');
    expect(metadataFileOf('robots.ts', '/a/x', false)).toBeNull();
    expect(metadataFileOf('favicon.ico', '/a/x', false)).toBeNull();
  });
});
