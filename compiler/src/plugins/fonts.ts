import type { Plugin } from 'rolldown';
import { join, relative, sep } from 'node:path';
import type { AssetFiles } from '../assets/asset-files.js';
import { langOf, scriptFilePattern } from '../client-reference-id.js';
import { NexxoBuildError, formatDiagnostic } from '../errors.js';
import { FontCallError, findFontCalls, type FontCall } from '../fonts/font-calls.js';
import { createFontLoader, type GeneratedFont } from '../fonts/font-loader.js';
import { FontOptionsError } from '../fonts/font-options.js';
import { GoogleFontsDownloadError, type FetchFunction } from '../fonts/google-fonts-download.js';
import { tryParse } from './client-references.js';

export interface FontsPluginOptions {
  root: string;
  files: AssetFiles;
  /** Downloads Google Fonts (default: the global `fetch`). */
  fetch?: FetchFunction;
  /** Use only cached Google Fonts, never the network (default: `NEXXO_OFFLINE=1`). */
  offline?: boolean;
}

/**
 * `nexxo/font/local` and `nexxo/font/google` (and their `next/font/*` names): each top-level call
 * becomes an import of a generated CSS Module (the `@font-face` rules, an adjusted fallback face
 * and the classes) plus the font object built from its class names. The stylesheet is linked per
 * route like any other; the font files become hashed assets. Reading `className`, `style` or
 * `variable` during render preloads the font files (React's `preload()`), so the pages that use a
 * font get `<link rel="preload" as="font">` in `<head>`.
 */
export function fontsPlugin(options: FontsPluginOptions): Plugin {
  const load = createFontLoader({
    root: options.root,
    fileUrl: (file) => options.files.fileUrl(file),
    google: {
      cacheDir: join(options.root, 'node_modules', '.cache', 'nexxo', 'google-fonts'),
      fetch: options.fetch ?? ((url, init) => fetch(url, init)),
      offline: options.offline ?? ['1', 'true'].includes(process.env.NEXXO_OFFLINE ?? ''),
    },
  });
  // The same module is transformed in up to three environments: generate its fonts once.
  const generated = new Map<string, Promise<GeneratedFont>>();
  return {
    name: 'nexxo:fonts',
    transform: {
      filter: { id: scriptFilePattern, code: /font\/(local|google)/ },
      async handler(code, id) {
        if (id.startsWith('\0')) return null;
        const program = tryParse(() => this.parse(code, { lang: langOf(id) }));
        // Unparsable: Rolldown's own parser reports it next, with a code frame.
        if (!program) return null;
        const lineOf = (offset: number) => code.slice(0, offset).split('\n').length;
        const where = (line: number) => `${relative(options.root, id).split(sep).join('/')}:${line}`;
        let found;
        try {
          found = findFontCalls(program, lineOf);
        } catch (error) {
          if (error instanceof FontCallError) throw new NexxoBuildError('NEXXO_FONT_CALL', formatDiagnostic(where(lineOf(error.start)), error.message, error.fix), { file: id });
          throw error;
        }
        if (found.calls.length === 0) return null;
        const fonts = await Promise.all(
          found.calls.map(async (call) => {
            const key = JSON.stringify([id, call.start, call.options]);
            let pending = generated.get(key);
            if (!pending) {
              pending = load(call, id).catch((error: unknown) => {
                throw fontError(error, call, where(call.line), id);
              });
              generated.set(key, pending);
              for (const warning of (await pending.catch(() => null))?.warnings ?? []) this.warn(warning);
            }
            return pending;
          }),
        );
        return { code: rewrite(code, found.imports, found.calls, fonts), map: null };
      },
    },
  };
}

function fontError(error: unknown, call: FontCall, where: string, file: string): Error {
  if (error instanceof FontOptionsError) return new NexxoBuildError('NEXXO_FONT_OPTIONS', formatDiagnostic(where, error.message, error.fix), { file });
  if (error instanceof GoogleFontsDownloadError) {
    const family = call.exportName.replaceAll('_', ' ');
    return new NexxoBuildError(
      'NEXXO_FONT_GOOGLE',
      formatDiagnostic(
        where,
        `the Google font \`${family}\` (from ${call.source}) could not be downloaded: ${error.reason} (${error.url}), and node_modules/.cache/nexxo/google-fonts/ has no copy of it.`,
        `build once with access to fonts.googleapis.com (later builds use the cached files, offline too), or download the font files into the project and load them with \`nexxo/font/local\`.`,
      ),
      { file, cause: error },
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Replaces the loader imports with imports of the generated modules and a small helper, and each
 * call with the font object. Every replacement keeps the lines it replaces, so the rest of the
 * module keeps its line numbers (the transform returns no source map).
 */
function rewrite(code: string, imports: Array<{ start: number; end: number }>, calls: FontCall[], fonts: GeneratedFont[]): string {
  const keepLines = (start: number, end: number) => '\n'.repeat(code.slice(start, end).split('\n').length - 1);
  const header = [
    `import { preload as __nexxoFontPreload } from "react-dom";`,
    ...fonts.map((font, index) => `import __nexxoFontClasses${index} from ${JSON.stringify(font.cssFile)};`),
    FONT_OBJECT_HELPER,
  ].join(' ');
  const edits = [
    ...imports.map((range, index) => ({ ...range, text: (index === 0 ? header : '') + keepLines(range.start, range.end) })),
    ...calls.map((call, index) => {
      const font = fonts[index]!;
      return { start: call.start, end: call.end, text: `__nexxoFont(__nexxoFontClasses${index}, ${JSON.stringify(font.style)}, ${font.variable}, ${JSON.stringify(font.preloads)})${keepLines(call.start, call.end)}` };
    }),
  ].sort((a, b) => b.start - a.start);
  let result = code;
  for (const edit of edits) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

/**
 * The font object (`{ className, style, variable }`). Its getters preload the font files when a
 * component reads them while rendering: on the server React turns that into `<link rel="preload">`
 * in `<head>`, for the pages that render the font and no others.
 */
const FONT_OBJECT_HELPER =
  'function __nexxoFont(classes, style, variable, preloads) { ' +
  'const load = () => { for (const [href, type] of preloads) __nexxoFontPreload(href, { as: "font", type, crossOrigin: "" }); }; ' +
  'const font = { get className() { load(); return classes.className; }, get style() { load(); return style; } }; ' +
  'if (variable) Object.defineProperty(font, "variable", { enumerable: true, get() { load(); return classes.variable; } }); ' +
  'return font; }';
