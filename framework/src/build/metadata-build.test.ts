import { describe, expect, it } from 'vitest';
import { useAppBuilds } from '../../../test-utils/build-app.js';
import { minimalLayout } from '../../../test-utils/fixtures.js';
import { startServer } from '../../../test-utils/server.js';

const build = useAppBuilds();

describe('metadata at build time', () => {
  it('warns, naming the file, when a social image URL is relative and no metadataBase is set', () => {
    const { status, output } = build({
      'app/layout.tsx': minimalLayout,
      'app/page.tsx': "export const metadata = { openGraph: { images: ['/og.png'] } };\nexport default function Page() { return <p>x</p>; }",
    });
    expect(status).toBe(0);
    expect(output).toContain('app/page.tsx: the social image URL /og.png is relative and no metadataBase is set');
    expect(output).toContain("Fix: set `metadataBase: new URL('https://your-site.example')`");
  });

  it('serves next/og images and static metadata files under dynamic segments', async () => {
    const { root, status, output } = build({
      'app/layout.tsx': minimalLayout,
      'app/[team]/page.tsx': 'export default function Page() { return <p>team</p>; }',
      'app/[team]/icon.tsx': "import { ImageResponse } from 'next/og';\nexport const size = { width: 16, height: 16 };\nexport default async function Icon({ params }) { const { team } = await params; return new ImageResponse(<div style={{ display: 'flex', width: 16, height: 16, background: team === 'red' ? 'red' : 'blue' }} />, size); }",
    });
    expect(output).not.toContain('✖');
    expect(status).toBe(0);
    const server = await startServer(root);
    try {
      const html = await (await fetch(server.url + '/red')).text();
      expect(html).toContain('<link rel="icon" href="/red/icon" type="image/png" sizes="16x16"/>');
      const icon = await fetch(server.url + '/red/icon');
      expect(icon.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await icon.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
    } finally {
      await server.stop();
    }
  });

  it('answers 404 when generateMetadata calls notFound(), in prod and in dev', async () => {
    const { root, status } = build({
      'app/layout.tsx': minimalLayout,
      'app/[id]/page.tsx':
        "import { notFound } from 'nexxo/navigation';\nexport const dynamic = 'force-dynamic';\nexport async function generateMetadata({ params }) { const { id } = await params; if (id === 'missing') notFound(); return { title: 'Item ' + id }; }\nexport default async function Page({ params }) { const { id } = await params; return <p>item {id}</p>; }",
    });
    expect(status).toBe(0);
    for (const mode of ['start', 'dev'] as const) {
      const server = await startServer(root, 15_000, mode);
      try {
        const found = await fetch(server.url + '/one');
        expect(await found.text()).toContain('<title>Item one</title>');
        const missing = await fetch(server.url + '/missing');
        expect(missing.status).toBe(404);
        expect(await missing.text()).toContain('This page could not be found.');
      } finally {
        await server.stop();
      }
    }
  });

  it('refuses two metadata files served at the same URL', () => {
    const { status, output } = build({
      'app/layout.tsx': minimalLayout,
      'app/page.tsx': 'export default function Page() { return <p>x</p>; }',
      'app/robots.txt': 'User-agent: *',
      'app/robots.ts': "export default () => ({ rules: { userAgent: '*' } });",
    });
    expect(status).toBe(1);
    expect(output).toMatch(/app\/robots\.(ts|txt): app\/robots\.(ts|txt) is served at the same URL/);
  });
});
