import { describe, expect, it } from 'vitest';
import { convertNextConfig } from './next-config.js';
import { MigrationReport } from './report.js';

function convert(source: string, file = 'next.config.js') {
  const report = new MigrationReport();
  const result = convertNextConfig(source, file, report);
  const lines = (section: Parameters<MigrationReport['list']>[0]) => report.list(section).map((item) => `${item.line ?? '-'}: ${item.message}`);
  return { ...result, report, attention: lines('attention'), blocking: lines('blocking'), changed: lines('changed') };
}

describe('convertNextConfig', () => {
  it('converts a CommonJS object and drops options with no effect', () => {
    const { code, attention, blocking } = convert(
      [
        "/** @type {import('next').NextConfig} */",
        'module.exports = {',
        "  basePath: '/docs',",
        '  reactStrictMode: true,',
        '  // Old links',
        '  async redirects() {',
        "    return [{ source: '/old', destination: '/new', permanent: true }];",
        '  },',
        '};',
        '',
      ].join('\n'),
    );
    expect(code).toBe(
      [
        "import { defineConfig } from 'nexxo';",
        '',
        'export default defineConfig({',
        "  basePath: '/docs',",
        '  // Old links',
        '  async redirects() {',
        "    return [{ source: '/old', destination: '/new', permanent: true }];",
        '  },',
        '});',
        '',
      ].join('\n'),
    );
    expect(attention).toEqual(['4: `reactStrictMode` has no effect under Nexxo; dropped.']);
    expect(blocking).toEqual([]);
  });

  it('converts an ESM config exported through an annotated variable', () => {
    const { code } = convert(
      [
        "import path from 'node:path';",
        '',
        "/** @type {import('next').NextConfig} */",
        'const nextConfig = {',
        '  trailingSlash: true,',
        "  env: { ROOT: path.resolve('.') },",
        '};',
        '',
        'export default nextConfig;',
        '',
      ].join('\n'),
      'next.config.mjs',
    );
    expect(code).toBe(
      [
        "import { defineConfig } from 'nexxo';",
        "import path from 'node:path';",
        '',
        'export default defineConfig({',
        '  trailingSlash: true,',
        "  env: { ROOT: path.resolve('.') },",
        '});',
        '',
      ].join('\n'),
    );
  });

  it('converts a TypeScript config with `satisfies` and drops the NextConfig import', () => {
    const { code } = convert(
      ["import type { NextConfig } from 'next';", '', 'const config = {', "  serverExternalPackages: ['sharp'],", '} satisfies NextConfig;', '', 'export default config;', ''].join('\n'),
      'next.config.ts',
    );
    expect(code).toBe(["import { defineConfig } from 'nexxo';", '', 'export default defineConfig({', "  serverExternalPackages: ['sharp'],", '});', ''].join('\n'));
  });

  it('converts a TypeScript config typed with `: NextConfig`', () => {
    const { code } = convert(["import type { NextConfig } from 'next';", 'const nextConfig: NextConfig = { basePath: "/a" };', 'export default nextConfig;', ''].join('\n'), 'next.config.ts');
    expect(code).toContain('export default defineConfig({\n  basePath: "/a",\n});');
    expect(code).not.toContain('NextConfig');
  });

  it('turns a function of the phase into a function of the mode', () => {
    const { code, attention } = convert(
      [
        "const { PHASE_DEVELOPMENT_SERVER } = require('next/constants');",
        '',
        'module.exports = (phase) => {',
        '  const dev = phase === PHASE_DEVELOPMENT_SERVER;',
        '  return {',
        "    env: { API: dev ? 'http://localhost:4000' : 'https://api.example.com' },",
        '  };',
        '};',
        '',
      ].join('\n'),
    );
    expect(code).toBe(
      [
        "import { defineConfig } from 'nexxo';",
        '',
        "const PHASE_DEVELOPMENT_SERVER = 'phase-development-server';",
        '',
        'export default defineConfig(({ mode }) => {',
        "  const phase = mode === 'development' ? 'phase-development-server' : 'phase-production-build';",
        '  const dev = phase === PHASE_DEVELOPMENT_SERVER;',
        '  return {',
        "    env: { API: dev ? 'http://localhost:4000' : 'https://api.example.com' },",
        '  };',
        '});',
        '',
      ].join('\n'),
    );
    expect(attention[0]).toContain("`phase` now comes from Nexxo's mode");
  });

  it('turns a function that ignores its arguments into an object', () => {
    const { code } = convert('module.exports = (phase, { defaultConfig }) => ({ basePath: "/x" });\n');
    expect(code).toContain('export default defineConfig({\n  basePath: "/x",\n});');
  });

  it('unwraps @next/mdx and maps its plugins, importing those named by string', () => {
    const { code, mdx, changed } = convert(
      [
        "import createMDX from '@next/mdx';",
        "import remarkGfm from 'remark-gfm';",
        '',
        'const withMDX = createMDX({',
        '  options: {',
        '    remarkPlugins: [remarkGfm],',
        "    rehypePlugins: [['rehype-katex', { strict: true }]],",
        '  },',
        '});',
        '',
        "const nextConfig = { pageExtensions: ['js', 'jsx', 'md', 'mdx', 'ts', 'tsx'] };",
        '',
        'export default withMDX(nextConfig);',
        '',
      ].join('\n'),
      'next.config.mjs',
    );
    expect(mdx).toBe(true);
    expect(code).toBe(
      [
        "import { defineConfig } from 'nexxo';",
        "import rehypeKatex from 'rehype-katex';",
        "import remarkGfm from 'remark-gfm';",
        '',
        'export default defineConfig({',
        "  pageExtensions: ['js', 'jsx', 'md', 'mdx', 'ts', 'tsx'],",
        '  mdx: {',
        '    remarkPlugins: [remarkGfm],',
        '    rehypePlugins: [[rehypeKatex, { strict: true }]],',
        '  },',
        '});',
        '',
      ].join('\n'),
    );
    expect(changed.join('\n')).toContain('`withMDX` (@next/mdx) was removed');
  });

  it('unwraps nested wrappers written with require()', () => {
    const { code, mdx, bundleAnalyzer, blocking } = convert(
      [
        "const withBundleAnalyzer = require('@next/bundle-analyzer')({ enabled: process.env.ANALYZE === 'true' });",
        "const withMDX = require('@next/mdx')();",
        'module.exports = withBundleAnalyzer(withMDX({ basePath: "/b" }));',
        '',
      ].join('\n'),
    );
    expect({ mdx, bundleAnalyzer, blocking }).toEqual({ mdx: true, bundleAnalyzer: true, blocking: [] });
    expect(code).toBe(["import { defineConfig } from 'nexxo';", '', 'export default defineConfig({', '  basePath: "/b",', '});', ''].join('\n'));
  });

  it('blocks on an unknown wrapper, naming it and its line, and still converts the options', () => {
    const { code, blocking } = convert(
      ["const { withSentryConfig } = require('@sentry/nextjs');", '', 'module.exports = withSentryConfig({ basePath: "/s" }, { silent: true });', ''].join('\n'),
    );
    expect(blocking).toHaveLength(1);
    expect(blocking[0]).toMatch(/^3: `withSentryConfig` from @sentry\/nextjs wraps the config/);
    expect(code).not.toContain('sentry');
    expect(code).toContain('basePath: "/s"');
  });

  it('blocks on a wrapper made by a plugin factory and drops its import', () => {
    const { code, blocking } = convert(
      [
        "import createNextIntlPlugin from 'next-intl/plugin';",
        '',
        'const withNextIntl = createNextIntlPlugin();',
        '',
        'export default withNextIntl({ trailingSlash: true });',
        '',
      ].join('\n'),
      'next.config.mjs',
    );
    expect(blocking).toHaveLength(1);
    expect(blocking[0]).toMatch(/^5: `withNextIntl` from next-intl\/plugin wraps the config/);
    expect(code).toBe(["import { defineConfig } from 'nexxo';", '', 'export default defineConfig({', '  trailingSlash: true,', '});', ''].join('\n'));
  });

  it('converts an exported async function declaration and keeps helper code', () => {
    const { code } = convert(
      [
        "const { join } = require('node:path');",
        'function docs() {',
        "  return join('/', 'docs');",
        '}',
        '',
        'module.exports = async function config() {',
        '  const base = docs();',
        '  return { basePath: base };',
        '};',
        '',
      ].join('\n'),
    );
    expect(code).toBe(
      [
        "import { defineConfig } from 'nexxo';",
        "import { join } from 'node:path';",
        'function docs() {',
        "  return join('/', 'docs');",
        '}',
        '',
        'export default defineConfig(async () => {',
        '  const base = docs();',
        '  return {',
        '    basePath: base,',
        '  };',
        '});',
        '',
      ].join('\n'),
    );
  });

  it('moves experimental options Nexxo has to their own keys and reports the others', () => {
    const { code, attention } = convert(
      [
        'module.exports = {',
        "  serverExternalPackages: ['a'],",
        '  experimental: {',
        "    serverComponentsExternalPackages: ['b'],",
        "    serverActions: { bodySizeLimit: '2mb', allowedOrigins: ['x.example.com'] },",
        '    ppr: true,',
        '  },',
        "  output: 'standalone',",
        '};',
      ].join('\n'),
    );
    expect(code).toBe(
      [
        "import { defineConfig } from 'nexxo';",
        '',
        'export default defineConfig({',
        "  serverExternalPackages: ['a', 'b'],",
        '  serverActions: {',
        "    bodySizeLimit: '2mb',",
        "    allowedOrigins: ['x.example.com'],",
        '  },',
        "  adapter: 'node',",
        '});',
        '',
      ].join('\n'),
    );
    expect(attention).toEqual(['6: `experimental.ppr` is a Next.js experimental flag that Nexxo does not have; it was left out.']);
  });

  it('keeps the image options Nexxo accepts and turns domains into remote patterns', () => {
    const { code, attention } = convert(
      [
        'module.exports = {',
        '  images: {',
        "    domains: ['cdn.example.com'],",
        "    remotePatterns: [{ protocol: 'https', hostname: 'img.example.com' }],",
        '    minimumCacheTTL: 60,',
        '    disableStaticImages: true,',
        '  },',
        '};',
      ].join('\n'),
    );
    expect(code).toContain(
      [
        '  images: {',
        '    minimumCacheTTL: 60,',
        '    remotePatterns: [',
        "      { protocol: 'https', hostname: 'img.example.com' },",
        "      { hostname: 'cdn.example.com' },",
        '    ],',
        '  },',
      ].join('\n'),
    );
    expect(attention).toEqual(['6: `images.disableStaticImages` is a Next.js option that Nexxo does not support yet; remove it. It was left out.']);
  });

  it('blocks on webpack, i18n and a static export', () => {
    const { blocking, code } = convert(
      ['module.exports = {', '  webpack(config) { return config; },', "  i18n: { locales: ['en'], defaultLocale: 'en' },", "  output: 'export',", '};'].join('\n'),
    );
    expect(blocking.map((line) => line.slice(0, 20))).toEqual(['2: `webpack` configu', '3: `i18n` configures', "4: `output: 'export'"]);
    expect(code).toContain('export default defineConfig({});');
  });

  it('reports a config it cannot find instead of guessing', () => {
    const { code, blocking } = convert('const load = require("./config-loader");\nmodule.exports = load();\n');
    expect(code).toBeNull();
    expect(blocking[0]).toContain('could not find the config object');
  });

  it('reports a config that does not parse', () => {
    const { code, blocking } = convert('module.exports = {', 'next.config.js');
    expect(code).toBeNull();
    expect(blocking[0]).toContain('could not be parsed');
  });
});
