import { describe, expect, it } from 'vitest';
import { searchedModuleFolders, standaloneLayout } from './standalone-layout.js';

describe('standaloneLayout', () => {
  const root = '/repo/apps/web';

  it('merges the node_modules folders Node searches from the app into one', () => {
    const { place } = standaloneLayout({ root, links: new Map() });
    expect(place('/repo/apps/web/node_modules/sharp/package.json')).toBe('node_modules/sharp/package.json');
    expect(place('/repo/node_modules/hono/dist/index.js')).toBe('node_modules/hono/dist/index.js');
    expect(place('/repo/node_modules/a/node_modules/b/index.js')).toBe('node_modules/a/node_modules/b/index.js');
  });

  it('places files of the app at the top of the folder', () => {
    const { place } = standaloneLayout({ root, links: new Map() });
    expect(place('/repo/apps/web/data/posts.json')).toBe('data/posts.json');
  });

  it('copies a workspace package under the link that points at it, with its own node_modules', () => {
    const links = new Map([['/repo/node_modules/nexxo', '/repo/packages/framework']]);
    const { place, linkTarget } = standaloneLayout({ root, links });
    expect(place('/repo/packages/framework/dist/exports/og.js')).toBe('node_modules/nexxo/dist/exports/og.js');
    expect(place('/repo/packages/framework/node_modules/x/index.js')).toBe('node_modules/nexxo/node_modules/x/index.js');
    expect(linkTarget('/repo/node_modules/nexxo')).toBeNull();
  });

  it('keeps links between packages inside node_modules (pnpm) as relative links', () => {
    const links = new Map([['/repo/apps/web/node_modules/sharp', '/repo/node_modules/.pnpm/sharp@0.35.5/node_modules/sharp']]);
    const { place, linkTarget } = standaloneLayout({ root, links });
    expect(place('/repo/node_modules/.pnpm/sharp@0.35.5/node_modules/sharp/package.json')).toBe('node_modules/.pnpm/sharp@0.35.5/node_modules/sharp/package.json');
    expect(linkTarget('/repo/apps/web/node_modules/sharp')).toBe('.pnpm/sharp@0.35.5/node_modules/sharp');
  });

  it('leaves out files outside the app and its node_modules', () => {
    const { place } = standaloneLayout({ root, links: new Map() });
    expect(place('/etc/hosts')).toBeNull();
    expect(place('/repo/apps/other/index.js')).toBeNull();
  });
});

describe('searchedModuleFolders', () => {
  it('lists node_modules from the app up to the file system root, deepest first', () => {
    expect(searchedModuleFolders('/repo/apps/web')).toEqual(['/repo/apps/web/node_modules', '/repo/apps/node_modules', '/repo/node_modules', '/node_modules']);
  });
});
