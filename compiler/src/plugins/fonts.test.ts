import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAst } from 'rolldown/parseAst';
import { afterEach, describe, expect, it } from 'vitest';
import { AssetFiles } from '../assets/asset-files.js';
import { NexxoBuildError } from '../errors.js';
import type { FetchFunction } from '../fonts/google-fonts-download.js';
import { fontsPlugin } from './fonts.js';

const geist = fileURLToPath(new URL('../../../fixtures/fonts/app/fonts/Geist-Regular.woff2', import.meta.url));
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** An app folder with a font, and the plugin's transform as Rolldown would call it. */
function setup(options: { fetch?: FetchFunction } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'nexxo-fonts-'));
  roots.push(root);
  mkdirSync(join(root, 'app/fonts'), { recursive: true });
  copyFileSync(geist, join(root, 'app/fonts/Geist.woff2'));
  const plugin = fontsPlugin({ root, files: new AssetFiles('/_nexxo/'), offline: !options.fetch, ...(options.fetch ? { fetch: options.fetch } : {}) });
  const warnings: string[] = [];
  const context = { parse: (code: string, parseOptions: { lang: 'tsx' }) => parseAst(code, parseOptions), warn: (message: string) => warnings.push(message) };
  const handler = (plugin.transform as { handler: (this: unknown, code: string, id: string) => Promise<{ code: string } | null> }).handler;
  const transform = async (code: string, file = 'app/layout.tsx') => (await handler.call(context, code, join(root, file)))?.code ?? null;
  return { root, transform, warnings };
}

/** Runs transformed code with the CSS Modules and react-dom's preload() stubbed; returns its `font` and the preloads. */
function evaluate(code: string): { font: Record<string, unknown>; preloads: unknown[][] } {
  const preloads: unknown[][] = [];
  const body = code
    .replace(/import \{ preload as __nexxoFontPreload \} from "react-dom";/, '')
    .replace(/import (__nexxoFontClasses\d+) from "[^"]+";/g, 'const $1 = { className: "className_x", variable: "variable_x" };')
    .replace(/export const /g, 'const ');
  const font = new Function('__nexxoFontPreload', `${body}\nreturn font;`)((...args: unknown[]) => preloads.push(args));
  return { font, preloads };
}

describe('fontsPlugin', () => {
  it('replaces a localFont call with the generated CSS Module and the font object, keeping line numbers', async () => {
    const { root, transform } = setup();
    const code = "import localFont from 'nexxo/font/local';\n\nexport const font = localFont({\n  src: './fonts/Geist.woff2',\n  variable: '--font-geist',\n});\nconst after = 'line 7';\n";
    const output = (await transform(code))!;
    expect(output.split('\n')).toHaveLength(code.split('\n').length);
    expect(output.split('\n')[6]).toBe("const after = 'line 7';");
    const cssFile = /import __nexxoFontClasses0 from "([^"]+)";/.exec(output)![1]!;
    expect(cssFile).toMatch(new RegExp(`^${join(root, 'node_modules/.cache/nexxo/fonts/font-')}[\\da-f]{8}\\.module\\.css$`));
    const css = readFileSync(cssFile, 'utf8');
    expect(css).toContain('src: url("../../../../app/fonts/Geist.woff2") format(\'woff2\');');
    expect(css).toMatch(/font-family: '__font_Fallback_[\da-f]{6}';\n\s+src: local\('Arial'\)/);
    expect(css).toContain('size-adjust: 106.28%;');
    expect(output).toMatch(/__nexxoFont\(__nexxoFontClasses0, \{"fontFamily":"'__font_[\da-f]{6}', '__font_Fallback_[\da-f]{6}'"\}, true, \[\["\/_nexxo\/media\/Geist-\w{8}\.woff2","font\/woff2"\]\]\)/);
  });

  it('builds a font object whose classes and style preload the font files when read', async () => {
    const { transform } = setup();
    const output = (await transform("import localFont from 'nexxo/font/local';\nexport const font = localFont({ src: './fonts/Geist.woff2', weight: '400', variable: '--font-geist' });\n"))!;
    const { font, preloads } = evaluate(output);
    expect(preloads).toEqual([]);
    expect(font.className).toBe('className_x');
    expect(font.variable).toBe('variable_x');
    expect(font.style).toEqual({ fontFamily: expect.stringMatching(/^'__font_\w+', '__font_Fallback_\w+'$/), fontWeight: 400 });
    expect(Object.keys(font)).toEqual(['className', 'style', 'variable']);
    expect(preloads).toHaveLength(3);
    expect(preloads[0]).toEqual([expect.stringMatching(/^\/_nexxo\/media\/Geist-\w{8}\.woff2$/), { as: 'font', type: 'font/woff2', crossOrigin: '' }]);
  });

  it('leaves out preloads with preload: false, and `variable` without the option', async () => {
    const { transform } = setup();
    const { font, preloads } = evaluate((await transform("import localFont from 'nexxo/font/local';\nexport const font = localFont({ src: './fonts/Geist.woff2', preload: false });\n"))!);
    expect(font.className).toBe('className_x');
    expect('variable' in font).toBe(false);
    expect(preloads).toEqual([]);
  });

  it('warns, and leaves the fallback unadjusted, when a font file cannot be read', async () => {
    const { root, transform, warnings } = setup();
    writeFileSync(join(root, 'app/fonts/Broken.woff2'), 'not a font file at all');
    const output = (await transform("import localFont from 'nexxo/font/local';\nexport const font = localFont({ src: './fonts/Broken.woff2' });\n"))!;
    expect(warnings).toEqual(["app/fonts/Broken.woff2: the font's metrics cannot be read (unknown font format (signature \"not \")), so its fallback font is not adjusted and text may shift when the font loads."]);
    expect(readFileSync(/from "([^"]+\.module\.css)"/.exec(output)![1]!, 'utf8')).not.toContain('Fallback');
  });

  it('generates one module for one call however many environments transform it', async () => {
    const { root, transform } = setup();
    const code = "'use client';\nimport localFont from 'nexxo/font/local';\nexport const font = localFont({ src: './fonts/Geist.woff2' });\n";
    expect(await transform(code, 'app/client.tsx')).toBe(await transform(code, 'app/client.tsx'));
    expect(existsSync(join(root, 'node_modules/.cache/nexxo/fonts'))).toBe(true);
  });

  it('downloads a Google font into the cache and preloads only the asked-for subsets', async () => {
    const woff2 = readFileSync(geist);
    const requested: string[] = [];
    const fetch: FetchFunction = async (url) => {
      requested.push(url);
      if (url.startsWith('https://fonts.googleapis.com/css2?family=Roboto+Mono:wght@400;700&display=swap'))
        return new Response(['latin-ext', 'latin'].map((subset) => `/* ${subset} */\n@font-face { font-family: 'Roboto Mono'; font-weight: 400; src: url(https://fonts.gstatic.com/s/${subset}.woff2) format('woff2'); unicode-range: U+0000-00FF; }`).join('\n'));
      return new Response(woff2);
    };
    const { root, transform } = setup({ fetch });
    const output = (await transform("import { Roboto_Mono } from 'next/font/google';\nexport const font = Roboto_Mono({ weight: ['400', '700'], subsets: ['latin'] });\n"))!;
    expect(requested).toHaveLength(3);
    expect(output).toMatch(/\[\["\/_nexxo\/media\/roboto-mono-[\da-f]{16}-\w{8}\.woff2","font\/woff2"\]\]\)/);
    const css = readFileSync(/from "([^"]+\.module\.css)"/.exec(output)![1]!, 'utf8');
    expect(css).toContain("font-family: '__Roboto_Mono_");
    expect(css).toContain('src: url("../google-fonts/roboto-mono-');
    expect(css).toContain('.className {\n  font-family: \'__Roboto_Mono_');
    expect(existsSync(join(root, 'node_modules/.cache/nexxo/google-fonts'))).toBe(true);
  });

  it('reports a mistake with the file, the line and the fix, as a NexxoBuildError', async () => {
    const { transform } = setup();
    const failure = transform("import localFont from 'nexxo/font/local';\n\nconst font = localFont({ src: './fonts/Geist.woff2', display: 'fast' });\n", 'app/page.tsx');
    await expect(failure).rejects.toBeInstanceOf(NexxoBuildError);
    await expect(failure).rejects.toMatchObject({ code: 'NEXXO_FONT_OPTIONS', message: expect.stringMatching(/^app\/page\.tsx:3: Invalid display value `fast` for font `localFont`\.\nAvailable display values: .*\n {2}Fix: use one of them; the default is 'swap'\.$/) });
    const call = transform("import localFont from 'nexxo/font/local';\nfunction f() { return localFont({ src: 'x.woff2' }); }\n", 'app/page.tsx');
    await expect(call).rejects.toMatchObject({ code: 'NEXXO_FONT_CALL', message: expect.stringMatching(/^app\/page\.tsx:2: `localFont\(…\)` must be assigned to a const/) });
  });

  it('leaves modules that only mention a loader alone', async () => {
    const { transform } = setup();
    expect(await transform("// see next/font/local\nexport const x = 1;\n")).toBeNull();
    expect(await transform("import localFont from 'nexxo/font/local';\nexport type Font = ReturnType<typeof localFont>;\n")).toBeNull();
  });
});
