import { describe, expect, it } from 'vitest';
import { robotsText, sitemapXml } from './metadata-route.js';

describe('robotsText', () => {
  it('writes one group per rule, then the host and sitemaps', () => {
    expect(
      robotsText({
        rules: [{ userAgent: ['Googlebot', 'Bingbot'], allow: ['/'], disallow: '/admin', crawlDelay: 2 }, { userAgent: '*', disallow: '/' }],
        host: 'https://a.example',
        sitemap: ['https://a.example/one.xml', 'https://a.example/two.xml'],
      }),
    ).toBe(
      'User-Agent: Googlebot\nUser-Agent: Bingbot\nAllow: /\nDisallow: /admin\nCrawl-delay: 2\n\nUser-Agent: *\nDisallow: /\n\nHost: https://a.example\nSitemap: https://a.example/one.xml\nSitemap: https://a.example/two.xml\n',
    );
  });

  it('defaults a rule without userAgent to every agent', () => {
    expect(robotsText({ rules: { allow: '/' } })).toBe('User-Agent: *\nAllow: /\n');
  });
});

describe('sitemapXml', () => {
  it('escapes URLs and adds the xhtml and image namespaces only when used', () => {
    const xml = sitemapXml([{ url: 'https://a.example/?a=1&b=2', alternates: { languages: { de: 'https://a.example/de' } }, images: ['https://a.example/i.png'], lastModified: new Date('2026-01-02T03:04:05Z') }]);
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">');
    expect(xml).toContain('<loc>https://a.example/?a=1&amp;b=2</loc>');
    expect(xml).toContain('<xhtml:link rel="alternate" hreflang="de" href="https://a.example/de" />');
    expect(xml).toContain('<image:loc>https://a.example/i.png</image:loc>');
    expect(xml).toContain('<lastmod>2026-01-02T03:04:05.000Z</lastmod>');
  });
});
