import { describe, expect, it } from 'vitest';
import { migratePackageJson, NEXXO_RANGE, REACT_RANGE, withinReactRange } from './package-json.js';
import { MigrationReport } from './report.js';

const migrate = (json: object, options: Partial<Parameters<typeof migratePackageJson>[1]> = {}, indent: string | number = 2) => {
  const report = new MigrationReport();
  const text = migratePackageJson(`${JSON.stringify(json, null, indent)}\n`, { mdxMapped: false, bundleAnalyzerMapped: false, ...options }, report);
  return { text, json: JSON.parse(text) as Record<string, Record<string, string>>, report };
};

describe('migratePackageJson', () => {
  it('replaces next with nexxo in place, keeping a React version Nexxo supports and the key order', () => {
    const { json } = migrate({ name: 'app', dependencies: { '@vercel/analytics': '1.0.0', next: '15.2.0', react: '^19.3.1', 'react-dom': '19.4.0' } });
    expect(Object.entries(json.dependencies!)).toEqual([
      ['@vercel/analytics', '1.0.0'],
      ['nexxo', NEXXO_RANGE],
      ['react', '^19.3.1'],
      ['react-dom', '19.4.0'],
    ]);
    expect(NEXXO_RANGE).toMatch(/^\^\d+\.\d+\.\d+/);
    expect(Object.keys(json)).toEqual(['name', 'dependencies']);
  });

  it('raises an older React to the range Nexxo needs, and says so', () => {
    const { json, report } = migrate({ dependencies: { next: '15.0.0', react: '^18.2.0', 'react-dom': '19.3.0' } });
    expect(json.dependencies).toEqual({ nexxo: NEXXO_RANGE, react: REACT_RANGE, 'react-dom': REACT_RANGE });
    expect(report.list('changed').map((item) => item.message)).toContain(`dependencies: react ^18.2.0 → ${REACT_RANGE} (what Nexxo needs; npm would refuse the older one)`);
    expect(['^19.3.1', '~19.4.0', '19.3.2', 'latest'].map(withinReactRange)).toEqual([true, true, true, true]);
    expect(['^19', '19.3.0', '~19.2.0', '^20.0.0'].map(withinReactRange)).toEqual([false, false, false, false]);
  });

  it('keeps the indentation and the trailing newline', () => {
    const { text } = migrate({ dependencies: { next: '15.0.0' } }, {}, '\t');
    expect(text).toBe(`{\n\t"dependencies": {\n\t\t"nexxo": "${NEXXO_RANGE}"\n\t}\n}\n`);
  });

  it('rewrites the scripts and reports them', () => {
    const { json, report } = migrate({ scripts: { dev: 'next dev --turbopack', build: 'next build', lint: 'next lint' } });
    expect(json.scripts).toEqual({ dev: 'nexxo dev', build: 'nexxo build', lint: 'next lint' });
    expect(report.list('changed').map((item) => item.message)).toContain('script "dev": `next dev --turbopack` → `nexxo dev`');
    expect(report.list('attention').map((item) => item.message)[0]).toMatch(/^script "lint": `next lint` was left as it is/);
  });

  it('removes the MDX loader packages only when the config was converted, keeping @mdx-js/react', () => {
    const deps = { next: '15.0.0', '@next/mdx': '15.0.0', '@mdx-js/loader': '3.0.0', '@mdx-js/react': '3.0.0', 'next-mdx-remote': '5.0.0' };
    expect(Object.keys(migrate({ dependencies: deps }, { mdxMapped: true }).json.dependencies!)).toEqual(['nexxo', '@mdx-js/react', 'next-mdx-remote']);
    const kept = migrate({ dependencies: deps });
    expect(Object.keys(kept.json.dependencies!)).toEqual(['nexxo', '@next/mdx', '@mdx-js/loader', '@mdx-js/react', 'next-mdx-remote']);
    expect(kept.report.list('attention')).toHaveLength(2);
  });

  it('notes eslint-config-next, the bundle analyzer and other Next.js packages', () => {
    const { json, report } = migrate(
      { devDependencies: { 'eslint-config-next': '15.0.0', '@next/bundle-analyzer': '15.0.0', '@next/third-parties': '15.0.0', 'next-auth': '5.0.0' } },
      { bundleAnalyzerMapped: true, dependsOnNext: (name) => name === 'next-auth' },
    );
    expect(Object.keys(json.devDependencies!)).toEqual(['eslint-config-next', '@next/third-parties', 'next-auth']);
    expect(report.list('kept').map((item) => item.message)[0]).toMatch(/^eslint-config-next kept/);
    expect(report.list('changed').map((item) => item.message)).toContain('devDependencies: removed @next/bundle-analyzer (run `nexxo analyze` instead)');
    expect(report.list('attention').map((item) => item.message.split(' ')[0])).toEqual(['@next/third-parties', 'next-auth']);
  });
});
