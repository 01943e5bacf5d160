import { readFileSync } from 'node:fs';
import type { MigrationReport } from './report.js';
import { migrateScript } from './package-scripts.js';

const nexxoPackage = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string; peerDependencies: Record<string, string> };

/** The version range a migrated project depends on: this Nexxo's own. */
export const NEXXO_RANGE = `^${nexxoPackage.version}`;
/** The React range Nexxo needs (its peer dependency), e.g. `^19.3.1`. */
export const REACT_RANGE = nexxoPackage.peerDependencies.react!;

type Dependencies = Record<string, string>;
interface PackageJson {
  scripts?: Record<string, string>;
  dependencies?: Dependencies;
  devDependencies?: Dependencies;
  [key: string]: unknown;
}

export interface PackageJsonOptions {
  /** nexxo.config.ts took over @next/mdx: its packages can go. */
  mdxMapped: boolean;
  /** @next/bundle-analyzer's wrapper was removed: its package can go. */
  bundleAnalyzerMapped: boolean;
  /** Packages in the project's node_modules that depend on `next` (peer or direct), to warn about. */
  dependsOnNext?: (name: string) => boolean;
}

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;
const NOTES: Record<string, string> = {
  'eslint-config-next': 'kept: it is an ESLint config and still lints the code; `next lint` is gone, so run `eslint` directly.',
  '@next/eslint-plugin-next': 'kept: it is an ESLint plugin and still lints the code; run `eslint` directly.',
  '@mdx-js/react': 'kept for code that uses it (`MDXProvider`); Nexxo itself reads mdx-components.tsx without it.',
  'next-mdx-remote': 'kept: it compiles MDX at run time and does not need Next.js.',
};

/**
 * Moves package.json from Next.js to Nexxo: scripts run `nexxo`, the `next` dependency becomes
 * `nexxo` in its place, packages that only plugged into Next.js's build go. Key order,
 * indentation and the final newline are kept.
 */
export function migratePackageJson(source: string, options: PackageJsonOptions, report: MigrationReport): string {
  const file = 'package.json';
  const json = JSON.parse(source) as PackageJson;
  for (const [name, script] of Object.entries(json.scripts ?? {})) {
    const migrated = migrateScript(name, script);
    if (migrated.script !== script) {
      json.scripts![name] = migrated.script;
      report.changed(file, `script "${name}": \`${script}\` → \`${migrated.script}\``);
    }
    for (const note of migrated.notes) (note.unsupported ? report.attention : report.changed).call(report, file, `script "${note.script}": ${note.message}`);
  }
  for (const field of DEPENDENCY_FIELDS) {
    const dependencies = json[field] as Dependencies | undefined;
    if (dependencies) json[field] = migrateDependencies(dependencies, field, options, report);
  }
  const indent = /^\{\r?\n([ \t]+)"/.exec(source)?.[1] ?? 2;
  const newline = source.includes('\r\n') ? '\r\n' : '\n';
  const text = JSON.stringify(json, null, indent).replace(/\n/g, newline);
  return /\r?\n$/.test(source) ? text + newline : text;
}

function migrateDependencies(dependencies: Dependencies, field: string, options: PackageJsonOptions, report: MigrationReport): Dependencies {
  const file = 'package.json';
  const result: Dependencies = {};
  for (const [name, range] of Object.entries(dependencies)) {
    if (name === 'next') {
      result.nexxo = NEXXO_RANGE;
      report.changed(file, `${field}: next ${range} → nexxo ${NEXXO_RANGE}`);
    } else if ((name === 'react' || name === 'react-dom') && !withinReactRange(range)) {
      result[name] = REACT_RANGE;
      report.changed(file, `${field}: ${name} ${range} → ${REACT_RANGE} (what Nexxo needs; npm would refuse the older one)`);
    } else if ((name === '@next/mdx' || name === '@mdx-js/loader') && options.mdxMapped) {
      report.changed(file, `${field}: removed ${name} (Nexxo compiles MDX itself)`);
    } else if (name === '@next/bundle-analyzer' && options.bundleAnalyzerMapped) {
      report.changed(file, `${field}: removed ${name} (run \`nexxo analyze\` instead)`);
    } else {
      result[name] = range;
      noteDependency(name, options, report);
    }
  }
  return result;
}

function noteDependency(name: string, options: PackageJsonOptions, report: MigrationReport): void {
  const file = 'package.json';
  if (NOTES[name]) return report.kept(file, `${name} ${NOTES[name]}`);
  if (name === '@next/mdx' || name === '@mdx-js/loader') return report.attention(file, `${name} was kept: next.config did not use it in a way Nexxo could convert; Nexxo compiles MDX itself, so remove it once nexxo.config.ts has the MDX options.`);
  if (name === '@next/bundle-analyzer') return report.attention(file, `${name} was kept; it only works inside Next.js's webpack build. Run \`nexxo analyze\` instead and remove it.`);
  if (name === '@next/font') return report.attention(file, `${name} is Next.js's old font package; import from \`nexxo/font/google\` or \`nexxo/font/local\` and remove it.`);
  if (name === 'nexxo' || name === 'react' || name === 'react-dom' || name.startsWith('@types/')) return;
  if (name.startsWith('@next/')) return report.attention(file, `${name} is a Next.js package Nexxo does not support; it imports Next.js itself, which is no longer installed. Remove it and the code using it.`);
  if (options.dependsOnNext?.(name)) report.attention(file, `${name} depends on the \`next\` package, which is no longer installed; check that it works without it (it may import Next.js internals).`);
}

/**
 * Whether a project's React range only allows versions Nexxo supports (REACT_RANGE, a `^x.y.z`):
 * `^19.3.1`, `^19.4.0`, `19.3.2` do; `^18.2.0`, `19.3.0` and `~19.2.0` do not. Tags (`latest`,
 * `*`) are kept as they are.
 */
export function withinReactRange(range: string): boolean {
  if (range === '*' || range === 'latest' || range === '' || range === 'next' || range === 'canary') return true;
  const wanted = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(REACT_RANGE)!.slice(1).map(Number);
  const found = /^[\^~]?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(range.trim());
  if (!found) return false;
  const [major, minor, patch] = found.slice(1).map((part) => Number(part ?? 0));
  if (major !== wanted[0]) return false;
  // The lowest version the range allows must be at least the one Nexxo needs.
  return minor! > wanted[1]! || (minor === wanted[1] && patch! >= wanted[2]!);
}
