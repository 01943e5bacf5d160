import type { Plugin } from 'rolldown';
import { relative, sep } from 'node:path';
import { scriptFilePattern } from '../client-reference-id.js';

/**
 * client environment, development: Rolldown's JSX transform (with `jsx.refresh`) emits
 * `$RefreshReg$(Component, "Name")` calls. This plugin gives each app module its own
 * `$RefreshReg$` that prefixes the module's path, so components with the same name in two files
 * stay two families for React Refresh. It runs before the JSX transform, so the emitted calls
 * bind to these module-level functions.
 */
export function reactRefreshPlugin(options: { root: string; isAppFile: (id: string) => boolean }): Plugin {
  return {
    name: 'nexxo:react-refresh',
    transform: {
      filter: { id: { include: scriptFilePattern, exclude: [/^\0/, /[\\/]node_modules[\\/]/] } },
      handler(code, id) {
        if (!options.isAppFile(id)) return null;
        const moduleId = JSON.stringify(relative(options.root, id).split(sep).join('/'));
        // Function declarations: hoisted above the `var _s = $RefreshSig$()` the transform puts first.
        const prelude =
          `function $RefreshReg$(type, id) { globalThis.__nexxo_refresh.register(type, ${moduleId} + " " + id); }` +
          `function $RefreshSig$() { return globalThis.__nexxo_refresh.signature(); }`;
        // Keep a leading "use client" directive first; the prelude goes right after it.
        const directive = /^(\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/|\s)*(['"])use client\2;?)/.exec(code);
        const at = directive ? directive[0].length : 0;
        // A directive without its semicolon (Prettier's `semi: false`) needs one before the prelude.
        return { code: code.slice(0, at) + (directive && !directive[0].endsWith(';') ? ';' : '') + prelude + code.slice(at), map: null };
      },
    },
  };
}
