import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fallbackOverrides, type FallbackFont, type FallbackOverrides } from './fallback-metrics.js';
import type { FontCall } from './font-calls.js';
import { readFontMetrics } from './font-metrics.js';
import { fontModuleCss, fontStyleObject, type FontFaceRule, type FontModule } from './font-module-css.js';
import { exportNameOf, googleFontFamilies } from './google-font-data.js';
import { googleFontRequest, googleFontsUrl } from './google-font-options.js';
import { loadGoogleFont, type DownloadedFace, type GoogleFontsSource } from './google-fonts-download.js';
import { fileForFallback, localFontRequest } from './local-font-options.js';

/** What replaces a font loader call: its generated CSS Module and the values of the font object. */
export interface GeneratedFont {
  cssFile: string;
  style: { fontFamily: string; fontWeight?: number; fontStyle?: string };
  variable: boolean;
  /** `[url, type]` of each file to preload. */
  preloads: Array<[string, string]>;
  /** Problems that do not stop the build (a fallback that cannot be adjusted). */
  warnings: string[];
}

export interface FontLoaderOptions {
  root: string;
  /** The served URL of a file (the asset pipeline's, so it matches the url() in the CSS). */
  fileUrl: (file: string) => string;
  google: GoogleFontsSource;
}

const MIME: Record<string, string> = { '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.otf': 'font/otf', '.eot': 'application/vnd.ms-fontobject' };

/**
 * Turns font loader calls into CSS Modules on disk, under `node_modules/.cache/nexxo/fonts/`,
 * named by their content. Google stylesheets are downloaded once per build (and cached on disk).
 */
export function createFontLoader(options: FontLoaderOptions): (call: FontCall, callerFile: string) => Promise<GeneratedFont> {
  const outDir = join(options.root, 'node_modules', '.cache', 'nexxo', 'fonts');
  const downloads = new Map<string, Promise<DownloadedFace[]>>();
  const rel = (file: string) => relative(options.root, file).split(sep).join('/');

  const download = (url: string, family: string) => {
    let pending = downloads.get(url);
    if (!pending) {
      pending = loadGoogleFont(url, family, options.google);
      downloads.set(url, pending);
      pending.catch(() => downloads.delete(url));
    }
    return pending;
  };

  /** Metrics of the file the fallback imitates; a file that cannot be read costs the adjustment, not the build. */
  const fallbackFor = (file: string, fallbackFont: FallbackFont, warnings: string[]): FallbackOverrides | null => {
    try {
      return fallbackOverrides(readFontMetrics(readFileSync(file)), fallbackFont);
    } catch (error) {
      warnings.push(`${rel(file)}: the font's metrics cannot be read (${(error as Error).message}), so its fallback font is not adjusted and text may shift when the font loads.`);
      return null;
    }
  };

  const write = (module: FontModule, name: string): string => {
    // The url()s are relative to the folder; the name then comes from the content.
    const css = fontModuleCss(module, join(outDir, 'font.module.css'));
    const cssFile = join(outDir, `${name.toLowerCase().replace(/[^a-z\d]+/g, '-')}-${hash(css, 8)}.module.css`);
    if (!existsSync(cssFile) || readFileSync(cssFile, 'utf8') !== css) {
      mkdirSync(outDir, { recursive: true });
      const temporary = `${cssFile}.${process.pid}.tmp`;
      writeFileSync(temporary, css);
      renameSync(temporary, cssFile);
    }
    return cssFile;
  };

  const preloadsOf = (files: string[]): Array<[string, string]> => files.map((file) => [options.fileUrl(file), MIME[extname(file).toLowerCase()] ?? 'font/woff2']);

  const local = (call: FontCall, callerFile: string): GeneratedFont => {
    const request = localFontRequest(call.options, callerFile);
    const warnings: string[] = [];
    const single = request.files.length === 1 ? request.files[0]! : null;
    const faces: FontFaceRule[] = request.files.map((entry) => {
      const weight = entry.weight ?? request.weight;
      const style = entry.style ?? request.style;
      return {
        file: entry.file,
        descriptors: [...(weight ? [['font-weight', weight] as [string, string]] : []), ...(style ? [['font-style', style] as [string, string]] : []), ...request.declarations.map(({ prop, value }) => [prop, value] as [string, string])],
      };
    });
    const identity = { loader: 'local', name: call.variableName, options: call.options, files: request.files.map((entry) => rel(entry.file)) };
    const module: FontModule = {
      family: `__${call.variableName}_${hash(JSON.stringify(identity), 6)}`,
      faces,
      display: request.display,
      fallback: request.adjustFontFallback ? fallbackFor(fileForFallback(request.files.map((entry) => ({ ...entry, weight: entry.weight ?? request.weight, style: entry.style ?? request.style }))).file, request.adjustFontFallback, warnings) : null,
      fallbackFamilies: request.fallback,
      weight: single ? (single.weight ?? request.weight) : request.weight,
      style: single ? (single.style ?? request.style) : request.style,
      variable: request.variable,
    };
    return { cssFile: write(module, call.variableName), style: fontStyleObject(module), variable: Boolean(request.variable), preloads: request.preload ? preloadsOf(request.files.map((entry) => entry.file)) : [], warnings };
  };

  const google = async (call: FontCall): Promise<GeneratedFont> => {
    const familyName = [...googleFontFamilies.keys()].find((name) => exportNameOf(name) === call.exportName) ?? call.exportName.replaceAll('_', ' ');
    const request = googleFontRequest(familyName, call.options);
    const url = googleFontsUrl(request);
    const faces = await download(url, familyName);
    const warnings: string[] = [];
    const described = faces.map((face) => ({ ...face, weight: descriptor(face, 'font-weight'), style: descriptor(face, 'font-style') }));
    const latin = described.filter((face) => face.subset === 'latin');
    const fallbackFont: FallbackFont = request.family.category === 'serif' ? 'Times New Roman' : 'Arial';
    const identity = { loader: 'google', url, options: call.options };
    const module: FontModule = {
      family: `__${call.exportName}_${hash(JSON.stringify(identity), 6)}`,
      faces: faces.map((face) => ({ file: face.file, descriptors: face.descriptors })),
      display: request.display,
      fallback: request.adjustFontFallback ? fallbackFor(fileForFallback(latin.length > 0 ? latin : described).file, fallbackFont, warnings) : null,
      fallbackFamilies: request.fallback,
      weight: request.weights.length === 1 && request.weights[0] !== 'variable' ? request.weights[0] : undefined,
      style: request.styles.length === 1 ? request.styles[0] : undefined,
      variable: request.variable,
    };
    // As in Next.js, only the files of the subsets asked for are preloaded; the others load if a page uses their characters.
    const preloaded = request.preload ? faces.filter((face) => face.subset !== null && request.subsets.includes(face.subset)).map((face) => face.file) : [];
    return { cssFile: write(module, call.exportName), style: fontStyleObject(module), variable: Boolean(request.variable), preloads: preloadsOf(preloaded), warnings };
  };

  return async (call, callerFile) => (call.loader === 'local' ? local(call, callerFile) : google(call));
}

function descriptor(face: DownloadedFace, prop: string): string | undefined {
  return face.descriptors.find(([name]) => name === prop)?.[1];
}

function hash(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}
