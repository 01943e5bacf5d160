import RefreshRuntime from 'react-refresh/runtime';

/**
 * Development only, and first: React Refresh must hook into React DOM before React DOM loads. The
 * compiler gives each app module a `$RefreshReg$` that calls `register` below with the module's
 * path (see compiler/src/plugins/react-refresh.ts).
 */
RefreshRuntime.injectIntoGlobalHook(window);
const globals = globalThis as Record<string, unknown>;
globals.__nexxo_refresh = {
  register: RefreshRuntime.register,
  signature: RefreshRuntime.createSignatureFunctionForTransform,
  perform: RefreshRuntime.performReactRefresh,
};
// Pre-bundled react-server-dom-webpack loads before the app's webpack runtime (webpack-runtime.ts)
// and reads this global while it loads; the runtime replaces it before anything is rendered.
globals.__webpack_require__ ??= Object.assign(() => {
  throw new Error('Client components loaded before the Nexxo runtime.');
}, { u: (chunk: string) => chunk });
// For JSX in dependencies, which has no module-level registration functions.
globals.$RefreshReg$ = () => {};
globals.$RefreshSig$ = () => (type: unknown) => type;
