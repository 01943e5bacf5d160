import { describe, expect, it } from 'vitest';
import { isPagesRouterFile, isSourceFile } from './project-files.js';

describe('isSourceFile', () => {
  it('takes app code and leaves tool configs at the root and declarations alone', () => {
    expect(['app/page.tsx', 'src/lib/db.ts', 'components/button.jsx', 'middleware.ts', 'lib/site.config.ts', 'scripts/seed.mjs'].every(isSourceFile)).toBe(true);
    expect(['next.config.js', 'tailwind.config.ts', 'eslint.config.mjs', '.eslintrc.js', 'next-env.d.ts', 'types/global.d.ts', 'app/globals.css'].some(isSourceFile)).toBe(false);
  });
});

describe('isPagesRouterFile', () => {
  it('matches routes under pages/ and src/pages/ only', () => {
    expect(['pages/index.tsx', 'pages/api/hello.ts', 'src/pages/_app.js', 'pages/post.mdx'].every(isPagesRouterFile)).toBe(true);
    expect(['app/pages/page.tsx', 'components/pages/list.tsx', 'pages/styles.css'].some(isPagesRouterFile)).toBe(false);
  });
});
