import type { Plugin } from 'rolldown';

/**
 * Serves generated modules under `virtual:nexxo/*` ids. Values may be functions so that a module
 * generated from another environment's build (client references) is read when it is loaded.
 */
export function virtualModulesPlugin(modules: Record<string, string | (() => string)>): Plugin {
  const prefix = '\0';
  return {
    name: 'nexxo:virtual-modules',
    resolveId(source) {
      if (source in modules) return prefix + source;
      return null;
    },
    load(id) {
      if (!id.startsWith(prefix)) return null;
      const module = modules[id.slice(prefix.length)];
      if (module === undefined) return null;
      return { code: typeof module === 'function' ? module() : module, moduleSideEffects: true };
    },
  };
}
