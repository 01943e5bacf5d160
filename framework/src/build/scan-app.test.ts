import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scanApp } from './scan-app.js';

const roots: string[] = [];

/** Creates a temporary app root holding the given (empty) files. */
function makeApp(files: string[]): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nexxo-scan-'));
  roots.push(root);
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), '');
  }
  return root;
}

/** The error scanApp throws for the root, or a failure when it does not throw. */
function scanError(root: string): Error & { code?: string } {
  try {
    scanApp(root);
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('scanApp did not throw');
}

afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

describe('scanApp', () => {
  it('lists a route for every page and route file, with ids like /blog/[slug]', () => {
    const root = makeApp(['app/layout.tsx', 'app/page.tsx', 'app/blog/[slug]/page.tsx', 'app/api/health/route.ts']);
    const { appDir, routes } = scanApp(root);
    expect(appDir).toBe(path.join(root, 'app'));
    expect(routes.map((route) => [route.id, route.type]).sort()).toEqual([
      ['/', 'page'],
      ['/api/health', 'route'],
      ['/blog/[slug]', 'page'],
    ]);
  });

  it('keeps route groups out of the URL', () => {
    const root = makeApp(['app/layout.tsx', 'app/(marketing)/about/page.tsx']);
    const [about] = scanApp(root).routes;
    expect(about?.id).toBe('/about');
    expect(about?.pattern).toEqual([{ kind: 'static', value: 'about' }]);
  });

  it('ignores private _folders', () => {
    const root = makeApp(['app/layout.tsx', 'app/page.tsx', 'app/_components/page.tsx']);
    expect(scanApp(root).routes.map((route) => route.id)).toEqual(['/']);
  });

  it('uses src/app when there is no app folder', () => {
    const root = makeApp(['src/app/layout.tsx', 'src/app/page.tsx']);
    const app = scanApp(root);
    expect(app.appDir).toBe(path.join(root, 'src', 'app'));
    expect(app.routes.map((route) => route.id)).toEqual(['/']);
  });

  it('parses dynamic, catch-all and optional catch-all segments into the pattern', () => {
    const root = makeApp(['app/layout.tsx', 'app/shop/[id]/page.tsx', 'app/docs/[...rest]/page.tsx', 'app/tags/[[...tags]]/page.tsx']);
    const patterns = Object.fromEntries(scanApp(root).routes.map((route) => [route.id, route.pattern.at(-1)]));
    expect(patterns).toEqual({
      '/shop/[id]': { kind: 'dynamic', name: 'id' },
      '/docs/[...rest]': { kind: 'catch-all', name: 'rest' },
      '/tags/[[...tags]]': { kind: 'optional-catch-all', name: 'tags' },
    });
  });

  it('records the segment chain and the absolute file paths of a route', () => {
    const root = makeApp(['app/layout.tsx', 'app/blog/loading.tsx', 'app/blog/page.tsx']);
    const { segments, routes } = scanApp(root);
    const blog = routes.find((route) => route.id === '/blog')!;
    expect(blog.segments.map((index) => segments[index]!.name)).toEqual(['', 'blog']);
    expect(segments[blog.segments[1]!]!.files).toEqual({
      loading: path.join(root, 'app/blog/loading.tsx'),
      page: path.join(root, 'app/blog/page.tsx'),
    });
  });

  describe('errors', () => {
    it('throws NEXXO_NO_APP_DIR naming the root when there is no app folder', () => {
      const root = makeApp(['pages/index.tsx']);
      const error = scanError(root);
      expect(error.code).toBe('NEXXO_NO_APP_DIR');
      expect(error.message).toContain(root);
      expect(error.message).toContain('Fix:');
    });

    it('throws NEXXO_ROUTE_AND_PAGE for a page and a route in one folder', () => {
      const error = scanError(makeApp(['app/layout.tsx', 'app/api/page.tsx', 'app/api/route.ts']));
      expect(error.code).toBe('NEXXO_ROUTE_AND_PAGE');
      expect(error.message).toContain('app/api/route.ts');
      expect(error.message).toContain('app/api/page.tsx');
    });

    it('throws NEXXO_MISSING_ROOT_LAYOUT for a page without any layout', () => {
      const error = scanError(makeApp(['app/page.tsx']));
      expect(error.code).toBe('NEXXO_MISSING_ROOT_LAYOUT');
      expect(error.message).toContain('app/page.tsx');
      expect(error.message).toContain('app/layout.tsx');
    });

    it('throws NEXXO_CONFLICTING_ROUTES when two route groups produce the same URL', () => {
      const error = scanError(makeApp(['app/layout.tsx', 'app/(a)/about/page.tsx', 'app/(b)/about/page.tsx']));
      expect(error.code).toBe('NEXXO_CONFLICTING_ROUTES');
      expect(error.message).toContain('app/(a)/about/page.tsx');
      expect(error.message).toContain('app/(b)/about/page.tsx');
    });

    it('throws NEXXO_BAD_SEGMENT for an unclosed dynamic segment like [slug', () => {
      const error = scanError(makeApp(['app/layout.tsx', 'app/[slug/page.tsx']));
      expect(error.code).toBe('NEXXO_BAD_SEGMENT');
      expect(error.message).toContain('app/[slug');
      expect(error.message).toContain('[...name]');
    });

    it('throws NEXXO_BAD_SEGMENT for an optional segment without dots like [[slug]]', () => {
      const error = scanError(makeApp(['app/layout.tsx', 'app/[[slug]]/page.tsx']));
      expect(error.code).toBe('NEXXO_BAD_SEGMENT');
      expect(error.message).toContain('app/[[slug]]');
    });

    it('throws NEXXO_UNSUPPORTED_SEGMENT for a @slot folder', () => {
      const error = scanError(makeApp(['app/layout.tsx', 'app/@modal/page.tsx']));
      expect(error.code).toBe('NEXXO_UNSUPPORTED_SEGMENT');
      expect(error.message).toContain('app/@modal');
      expect(error.message).toContain('Fix:');
    });

    it('throws NEXXO_DUPLICATE_ROUTE_FILE for two files of the same kind', () => {
      const error = scanError(makeApp(['app/layout.tsx', 'app/page.tsx', 'app/page.js']));
      expect(error.code).toBe('NEXXO_DUPLICATE_ROUTE_FILE');
      expect(error.message).toContain('app/page.tsx');
      expect(error.message).toContain('app/page.js');
    });
  });
});

describe('scanApp segment names', () => {
  it('rejects a stray closing bracket', () => {
    expect(scanError(makeApp(['app/layout.tsx', 'app/[slug]]/page.tsx'])).code).toBe('NEXXO_BAD_SEGMENT');
    expect(scanError(makeApp(['app/layout.tsx', 'app/[...x]]/page.tsx'])).code).toBe('NEXXO_BAD_SEGMENT');
  });

  describe('pageExtensions', () => {
    it('routes page.mdx only when mdx is a page extension', () => {
      const root = makeApp(['app/layout.tsx', 'app/page.tsx', 'app/blog/page.mdx']);
      expect(scanApp(root).routes.map((route) => route.id)).toEqual(['/']);
      const { routes, segments } = scanApp(root, ['tsx', 'mdx']);
      expect(routes.map((route) => route.id)).toEqual(['/', '/blog']);
      expect(segments[routes[1]!.segments.at(-1)!]!.files.page).toBe(path.join(root, 'app/blog/page.mdx'));
    });

    it('leaves out special files whose extension is not listed', () => {
      const root = makeApp(['app/layout.tsx', 'app/page.tsx', 'app/about/page.js']);
      expect(scanApp(root, ['tsx']).routes.map((route) => route.id)).toEqual(['/']);
    });

    it('takes everything after the first dot as the extension', () => {
      const root = makeApp(['app/layout.page.tsx', 'app/page.page.tsx', 'app/page.test.tsx']);
      const { routes, segments } = scanApp(root, ['page.tsx']);
      expect(routes.map((route) => route.id)).toEqual(['/']);
      expect(segments[0]!.files).toEqual({ layout: path.join(root, 'app/layout.page.tsx'), page: path.join(root, 'app/page.page.tsx') });
    });

    it('throws NEXXO_MARKDOWN_SPECIAL_FILE for an MDX file that is not a page', () => {
      const root = makeApp(['app/layout.tsx', 'app/docs/layout.mdx', 'app/docs/page.mdx']);
      const error = (() => {
        try {
          scanApp(root, ['tsx', 'mdx']);
        } catch (caught) {
          return caught as Error & { code?: string };
        }
        throw new Error('scanApp did not throw');
      })();
      expect(error.code).toBe('NEXXO_MARKDOWN_SPECIAL_FILE');
      expect(error.message).toContain('app/docs/layout.mdx: only pages can be MDX or markdown; a layout file must be a script.');
      expect(error.message).toContain('rename it to layout.tsx');
    });
  });
});
