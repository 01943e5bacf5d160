import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useAppBuilds } from '../../../test-utils/build-app.js';
import { minimalLayout } from '../../../test-utils/fixtures.js';

const buildApp = useAppBuilds();
const build = (files: Record<string, string>) => buildApp({ 'app/layout.tsx': minimalLayout, ...files });
const page = (root: string) => readFileSync(join(root, '.nexxo/prerendered/index.html'), 'utf8').replaceAll('&amp;', '&');

describe('images settings in a build', () => {
  it('renders every <Image> through images.loaderFile, in server and client components', () => {
    const { root, status, output } = build({
      'nexxo.config.mjs': "export default { images: { loaderFile: './image-loader.ts' } };",
      'image-loader.ts': "export default function cdn({ src, width, quality }: { src: string; width: number; quality?: number }) { return `https://cdn.example.com${src}?w=${width}&q=${quality ?? 80}`; }\n",
      'app/page.tsx': "import Image from 'nexxo/image';\nimport { Client } from './client';\nexport default function Page() { return <><Image id='server' src='/a.png' alt='' width={32} height={32} /><Client /></>; }",
      'app/client.tsx': "'use client';\nimport Image from 'nexxo/image';\nexport function Client() { return <Image id='client' src='/b.png' alt='' width={32} height={32} />; }",
    });
    expect(status, output).toBe(0);
    const html = page(root);
    expect(html).toContain('srcSet="https://cdn.example.com/a.png?w=32&q=80 1x, https://cdn.example.com/a.png?w=64&q=80 2x"');
    expect(html).toContain('src="https://cdn.example.com/b.png?w=64&q=80"');
  });

  it('refuses a loader file with "use client", which could not run in server components', () => {
    const { status, output } = build({
      'nexxo.config.mjs': "export default { images: { loaderFile: './image-loader.js' } };",
      'image-loader.js': "'use client';\nexport default ({ src }) => src;\n",
      'app/page.tsx': 'export default function Page() { return <p>hi</p>; }',
    });
    expect(status).not.toBe(0);
    expect(output).toContain('image-loader.js (images.loaderFile) starts with "use client", but the loader also runs in server components');
    expect(output).toContain('Fix: remove the "use client" line');
  });

  it('renders the plain src without a srcset with images.unoptimized', () => {
    const unoptimized = build({
      'nexxo.config.mjs': 'export default { images: { unoptimized: true } };',
      'app/page.tsx': "import Image from 'nexxo/image';\nexport default function Page() { return <Image id='a' src='/a.png' alt='A' width={32} height={32} />; }",
    });
    expect(unoptimized.status, unoptimized.output).toBe(0);
    expect(page(unoptimized.root)).toContain('<img id="a" alt="A" loading="lazy" width="32" height="32" decoding="async" data-nimg="1" style="aspect-ratio:32 / 32;color:transparent" src="/a.png"/>');
  });
});
