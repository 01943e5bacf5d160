import { CssCompiler } from '../css/css-compiler.js';
import { AssetFiles } from './asset-files.js';

/** Stylesheets and files the app refers to by URL. Dev keeps one across rebuilds (its cache). */
export interface AssetPipeline {
  css: CssCompiler;
  files: AssetFiles;
}

export function createAssetPipeline(options: { root: string; production: boolean; base: string }): AssetPipeline {
  const files = new AssetFiles(options.base);
  return { files, css: new CssCompiler({ root: options.root, production: options.production, assets: files }) };
}
