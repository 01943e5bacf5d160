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
// For JSX in dependencies, which has no module-level registration functions.
globals.$RefreshReg$ = () => {};
globals.$RefreshSig$ = () => (type: unknown) => type;
