import { describe, expect, it } from 'vitest';
import { closestName } from './closest-name.js';
import type { NexxoConfigError } from './config-error.js';
import { validateConfig, validateRoutingRules, type RoutingRulesResult } from './validate-config.js';

/** The problems validateConfig reports for `config`, or [] when it accepts it. */
function problemsOf(config: unknown): string[] {
  try {
    validateConfig(config, 'nexxo.config.ts');
    return [];
  } catch (error) {
    expect((error as NexxoConfigError).code).toBe('NEXXO_CONFIG');
    return (error as NexxoConfigError).problems;
  }
}

function ruleProblemsOf(rules: RoutingRulesResult): string[] {
  try {
    validateRoutingRules(rules, 'nexxo.config.ts');
    return [];
  } catch (error) {
    return (error as NexxoConfigError).problems;
  }
}

describe('unknown options', () => {
  it('suggests the nearest valid option for a typo', () => {
    expect(problemsOf({ trailingSlashes: true })).toEqual(['Unknown option `trailingSlashes` in nexxo.config.ts. Did you mean `trailingSlash`?']);
  });

  it('lists the valid options instead of suggesting one that is far off', () => {
    const [problem] = problemsOf({ colour: 'red' });
    expect(problem).toContain('Unknown option `colour` in nexxo.config.ts. Valid options: `basePath`, `trailingSlash`');
    expect(problem).not.toContain('Did you mean');
  });

  it('suggests options inside images', () => {
    expect(problemsOf({ images: { qualitys: [75] } })).toEqual(['Unknown option `qualitys` in `images` in nexxo.config.ts. Did you mean `qualities`?']);
  });

  it('suggests options inside a redirect rule', () => {
    const problems = ruleProblemsOf({ redirects: [{ source: '/a', destination: '/b', permanant: true }] });
    expect(problems).toContain('Unknown option `permanant` in `redirects()[0]` in nexxo.config.ts. Did you mean `permanent`?');
  });

  it('counts two swapped letters as one typo', () => {
    expect(closestName('bsaePath', ['basePath', 'alias'])).toBe('basePath');
    expect(closestName('xyz', ['env'])).toBeNull();
  });
});

describe('Next.js options Nexxo does not take', () => {
  it('says that a Next.js option is not supported yet', () => {
    expect(problemsOf({ output: 'standalone' })).toEqual(['`output` in nexxo.config.ts is a Next.js option that Nexxo does not support yet; remove it.']);
    expect(problemsOf({ experimental: {}, reactStrictMode: true })).toHaveLength(2);
  });

  it('points webpack users at Rolldown plugins', () => {
    const [problem] = problemsOf({ webpack: (config: unknown) => config });
    expect(problem).toContain('`webpack` in nexxo.config.ts configures webpack, but Nexxo bundles with Rolldown: use `plugins` (Rolldown plugins)');
  });

  it('points images.domains at remotePatterns', () => {
    expect(problemsOf({ images: { domains: ['example.com'] } })[0]).toContain('`images.domains` in nexxo.config.ts is a deprecated Next.js option');
  });
});

describe('wrong types', () => {
  it('names the key path, what was expected and what was given', () => {
    expect(problemsOf({ images: { deviceSizes: [640, 750, 'large'] } })).toEqual([
      '`images.deviceSizes[2]` in nexxo.config.ts must be a whole number from 1 to 10000, but it is the string "large".',
    ]);
  });

  it('reports a value from a fixed list with the values allowed', () => {
    expect(problemsOf({ images: { formats: ['image/png'] } })).toEqual([
      "`images.formats[0]` in nexxo.config.ts must be one of 'image/avif', 'image/webp', but it is the string \"image/png\".",
    ]);
  });

  it('asks for a function where Next.js has one', () => {
    expect(problemsOf({ redirects: [] })).toEqual(['`redirects` in nexxo.config.ts must be a function, but it is an array.']);
  });

  it('hints that a plugin factory was passed without calling it', () => {
    const [problem] = problemsOf({ plugins: [function inspect() {}] });
    expect(problem).toContain('`plugins[0]` in nexxo.config.ts must be a Rolldown plugin');
    expect(problem).toContain('`myPlugin` instead of `myPlugin()`');
  });

  it('accepts plugins per environment and skips falsy entries', () => {
    expect(problemsOf({ plugins: { all: [{ name: 'a' }], client: [false, null, { name: 'b' }] } })).toEqual([]);
  });

  it('refuses NODE_ENV in env', () => {
    expect(problemsOf({ env: { NODE_ENV: 'test' } })[0]).toContain('`env.NODE_ENV` in nexxo.config.ts is not allowed');
  });

  it('accepts remote patterns as objects, URLs and URL strings', () => {
    expect(problemsOf({ images: { remotePatterns: [{ hostname: 'a.com' }, new URL('https://b.com/**'), 'https://c.com/img/**'] } })).toEqual([]);
    expect(problemsOf({ images: { remotePatterns: ['ftp://a.com'] } })[0]).toContain('must be an http(s) URL');
  });

  it('reports every problem at once', () => {
    const problems = problemsOf({ trailingSlashes: true, basePath: 3, images: { minimumCacheTTL: -1 }, output: 'export' });
    expect(problems).toHaveLength(4);
  });

  it('treats undefined values as absent', () => {
    expect(problemsOf({ basePath: undefined, images: undefined })).toEqual([]);
  });
});

describe('basePath', () => {
  it('accepts an empty base path and one such as /docs', () => {
    expect(problemsOf({ basePath: '' })).toEqual([]);
    expect(problemsOf({ basePath: '/docs' })).toEqual([]);
  });

  it('must start with a slash', () => {
    expect(problemsOf({ basePath: 'docs' })).toEqual(["`basePath` in nexxo.config.ts must start with `/`: use '/docs', not 'docs'."]);
  });

  it('must not end with a slash', () => {
    expect(problemsOf({ basePath: '/docs/' })).toEqual(["`basePath` in nexxo.config.ts must not end with `/`: use '/docs', not '/docs/'."]);
    expect(problemsOf({ basePath: '/' })[0]).toContain("leave it out (or use '') for the root");
  });
});

describe('routing rules', () => {
  it('needs permanent or statusCode on a redirect, not both', () => {
    expect(ruleProblemsOf({ redirects: [{ source: '/a', destination: '/b' }] })[0]).toContain('needs `permanent: true` (308) or `permanent: false` (307)');
    expect(ruleProblemsOf({ redirects: [{ source: '/a', destination: '/b', permanent: true, statusCode: 301 }] })[0]).toContain('sets both');
  });

  it('reports a missing required key and a source without a leading slash', () => {
    expect(ruleProblemsOf({ headers: [{ source: 'a' }] })).toEqual([
      "`headers()[0].source` in nexxo.config.ts must be a path starting with '/', but it is the string \"a\".",
      '`headers()[0]` in nexxo.config.ts has no `headers`, which is required.',
    ]);
  });

  it('needs a value on a host condition', () => {
    const problems = ruleProblemsOf({ rewrites: { beforeFiles: [{ source: '/a', destination: '/b', has: [{ type: 'host' }] }] } });
    expect(problems[0]).toContain('`rewrites().beforeFiles[0].has[0]` in nexxo.config.ts is a host condition without `value`');
  });

  it('reports a routing function that returned nothing', () => {
    expect(ruleProblemsOf({ redirects: undefined })).toEqual(['`redirects()` in nexxo.config.ts must be an array of redirect rules, but it is `undefined`.']);
  });
});

describe('pageExtensions and mdx', () => {
  it('accepts extensions without a dot, markdown ones and multi-part ones', () => {
    expect(problemsOf({ pageExtensions: ['tsx', 'ts', 'jsx', 'js', 'mdx', 'md', 'page.tsx'] })).toEqual([]);
  });

  it('is a Nexxo option now, not a Next.js-only one', () => {
    expect(problemsOf({ pageExtensions: ['tsx', 'mdx'] })).toEqual([]);
  });

  it('refuses a leading dot and says what to write instead', () => {
    expect(problemsOf({ pageExtensions: ['.mdx'] })).toEqual(["`pageExtensions[0]` in nexxo.config.ts must not start with a dot: use 'mdx', not '.mdx'."]);
  });

  it('refuses an extension that nothing compiles, naming the option and the fix', () => {
    const [problem] = problemsOf({ pageExtensions: ['tsx', 'vue'] });
    expect(problem).toContain("`pageExtensions[1]` in nexxo.config.ts is 'vue', but Nexxo compiles no .vue files");
    expect(problem).toContain("Use extensions ending in 'tsx', 'ts', 'jsx', 'js', 'mjs', 'mts', 'mdx', 'md', or remove it.");
  });

  it('refuses an empty list, empty strings and non-arrays', () => {
    expect(problemsOf({ pageExtensions: [] })[0]).toContain('is empty, so no file would be a page');
    expect(problemsOf({ pageExtensions: [''] })).toEqual(['`pageExtensions[0]` in nexxo.config.ts must be a file extension such as \'mdx\', but it is the string "".']);
    expect(problemsOf({ pageExtensions: 'mdx' })[0]).toContain('must be an array of file extensions');
  });

  it('accepts MDX plugins as functions, [plugin, options] and presets', () => {
    const plugin = () => {};
    expect(problemsOf({ mdx: { remarkPlugins: [plugin, [plugin, { strict: true }]], rehypePlugins: [{ plugins: [plugin] }], recmaPlugins: [] } })).toEqual([]);
  });

  it('asks for the plugin itself where a Turbopack config names it as a string', () => {
    const [problem] = problemsOf({ mdx: { remarkPlugins: [['remark-gfm', {}]] } });
    expect(problem).toContain('`mdx.remarkPlugins[0]` in nexxo.config.ts must be a plugin function or `[plugin, options]`, but it is an array.');
    expect(problem).toContain("`import plugin from 'remark-gfm'`, then `[plugin, options]`");
  });

  it('suggests the right key for a misspelled MDX option', () => {
    expect(problemsOf({ mdx: { remarkPlugin: [] } })).toEqual(['Unknown option `remarkPlugin` in `mdx` in nexxo.config.ts. Did you mean `remarkPlugins`?']);
  });
});
