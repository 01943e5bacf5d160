import { relative, sep } from 'node:path';
import { formatDiagnostic, type Plugin } from '@nexxo/compiler';

/**
 * `next/*` modules Nexxo implements, with the `nexxo/*` path that replaces each one: the build
 * resolves them as aliases, so an App Router project's imports work without rewriting code, and
 * `nexxo migrate --rewrite-imports` rewrites them.
 */
export const SUPPORTED_NEXT_MODULES: Record<string, string> = {
  'next/link': 'nexxo/link',
  'next/navigation': 'nexxo/navigation',
  'next/headers': 'nexxo/headers',
  'next/cache': 'nexxo/cache',
  'next/script': 'nexxo/script',
  'next/dynamic': 'nexxo/dynamic',
  'next/font/local': 'nexxo/font/local',
  'next/font/google': 'nexxo/font/google',
  'next/image': 'nexxo/image',
  'next/og': 'nexxo/og',
  'next/server': 'nexxo/server',
  'next/form': 'nexxo/form',
};

/**
 * `next/*` modules Nexxo does not provide, with what to use instead. A key also covers the paths
 * under it (`next/dist` covers `next/dist/client/router`).
 */
export const UNSUPPORTED_NEXT_MODULES: Record<string, string> = {
  'next/router': 'the Pages Router is not supported: use `useRouter`, `usePathname` and `useSearchParams` from `next/navigation`',
  'next/head': 'the Pages Router is not supported: export `metadata` or `generateMetadata` from the page or layout (the metadata API)',
  'next/document': 'the Pages Router is not supported: put the `<html>` and `<body>` markup in the root `app/layout`',
  'next/app': 'the Pages Router is not supported: put shared UI in `app/layout`',
  'next/error': 'the Pages Router is not supported: add an `error` or `not-found` file to the route segment',
  'next/amp': 'AMP is not supported: remove the AMP variant of the page',
  'next/config': '`getConfig()` / `publicRuntimeConfig` is not supported: read `process.env` (prefix browser variables with `NEXT_PUBLIC_`)',
  'next/legacy/image': 'use `next/image` (which becomes `nexxo/image`)',
  'next/constants': 'the phase constants belong to `next.config`: use the `mode` (`development` or `production`) that a `nexxo.config.ts` function receives',
  'next/dist': 'Next.js internals have no Nexxo equivalent: use the public `next/*` module that exports the same API',
  'next/jest': 'Next.js test-runner presets are not provided: configure your test runner (e.g. Vitest) directly',
  'next/babel': 'Nexxo does not use Babel: remove the preset; TS and JSX are compiled by Rolldown',
  'next/web-vitals': '`useReportWebVitals` is not provided: use the `web-vitals` package in a client component',
};

/** The `nexxo/*` path for a supported specifier (also `next/link.js`), or undefined. */
export function supportedReplacement(specifier: string): string | undefined {
  return SUPPORTED_NEXT_MODULES[specifier] ?? SUPPORTED_NEXT_MODULES[specifier.replace(/\.js$/, '')];
}

/** What to use instead of an unsupported `next/*` specifier, matching its nearest listed parent. */
export function unsupportedAdvice(specifier: string): string | undefined {
  for (let path = specifier.replace(/\.js$/, ''); path.includes('/'); path = path.slice(0, path.lastIndexOf('/'))) {
    const advice = UNSUPPORTED_NEXT_MODULES[path];
    if (advice) return advice;
  }
  return undefined;
}

/**
 * Makes an import of a `next/*` module Nexxo does not provide a build error naming the import,
 * the importing file and what to use instead, never a runtime failure (even when the `next`
 * package is still installed, its internals cannot run under Nexxo).
 */
export function nextCompatPlugin(root: string): Plugin {
  return {
    name: 'nexxo:next-compat',
    resolveId: {
      filter: { id: /^next\// },
      handler(source, importer) {
        if (supportedReplacement(source)) return null;
        const file = importer ? relative(root, importer).split(sep).join('/') : 'an entry';
        const advice = unsupportedAdvice(source) ?? `Nexxo provides ${Object.keys(SUPPORTED_NEXT_MODULES).join(', ')}; use one of those or a package that does not need Next.js`;
        this.error(formatDiagnostic(file, `imports "${source}", which Nexxo does not provide.`, advice + '.'));
      },
    },
  };
}
