import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export function fixtureDir(name: string): string {
  return join(repoRoot, 'fixtures', name);
}

/**
 * Writes a small app into a fresh folder inside the repo (so `nexxo` and `react` resolve from the
 * workspace's node_modules). Files are given relative to the app root.
 */
export function writeApp(files: Record<string, string>): string {
  const root = testAppDir('app');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** A fresh folder for a test app, inside the repo so that dependencies resolve. */
function testAppDir(prefix: string): string {
  mkdirSync(join(repoRoot, '.cache', 'test-apps'), { recursive: true });
  return mkdtempSync(join(repoRoot, '.cache', 'test-apps', `${prefix}-`));
}

export function copyFixture(name: string): string {
  const root = testAppDir(name);
  const from = fixtureDir(name);
  // Build output, caches and the fixture's own tests stay behind (matched inside the fixture only).
  cpSync(from, root, { recursive: true, filter: (source) => !/(^|[\\/])(\.nexxo|tests|node_modules)([\\/]|$)/.test(relative(from, source)) });
  return root;
}

export const minimalLayout = `export default function RootLayout({ children }) {
  return <html lang="en"><body>{children}</body></html>;
}
`;
