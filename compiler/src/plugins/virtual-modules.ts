import type { Plugin } from 'rolldown';
import { exactly } from './hook-filters.js';

/**
 * Serves generated modules under `virtual:nexxo/*` ids. Values may be functions so that a module
 * generated from another environment's build (client references) is read when it is loaded.
 */
export function virtualModulesPlugin(modules: Record<string, string | (() => string)>): Plugin {
  const prefix = '\0';
  return {
    name: 'nexxo:virtual-modules',
    resolveId: {
      filter: { id: exactly(Object.keys(modules)) },
      handler(source) {
        return source in modules ? prefix + source : null;
      },
    },
    load: {
      filter: { id: /^\0/ },
      handler(id) {
        const module = modules[id.slice(prefix.length)];
        if (module === undefined) return null;
        return { code: typeof module === 'function' ? module() : module, moduleSideEffects: true };
      },
    },
  };
}

