import type { Plugin } from 'rolldown';
import { CSS_FILE, type CssCompiler } from '../css/css-compiler.js';

/**
 * Stylesheet imports become JS modules: a CSS Module exports its class names, global CSS exports
 * nothing. The stylesheets themselves are linked per route from the import graph (see collectStyles).
 */
export function cssPlugin(css: CssCompiler): Plugin {
  return {
    name: 'nexxo:css',
    load: {
      filter: { id: CSS_FILE },
      async handler(id) {
        const compiled = await css.compile(id);
        const code = compiled.classNames ? `export default ${JSON.stringify(compiled.classNames)};\n` : 'export {};\n';
        return { code, moduleType: 'js', moduleSideEffects: false };
      },
    },
  };
}
