import { notCompiled } from './font-types.js';

/** The run-time value of each export of `nexxo/font/google`; calls are compiled away at build time. */
export function googleFont(exportName: string): any {
  return () => notCompiled(exportName, 'nexxo/font/google');
}
