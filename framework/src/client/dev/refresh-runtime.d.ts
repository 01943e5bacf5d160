declare module 'react-refresh/runtime' {
  const runtime: {
    injectIntoGlobalHook(globalObject: unknown): void;
    register(type: unknown, id: string): void;
    createSignatureFunctionForTransform(): (type: unknown, key?: string, forceReset?: boolean, getCustomHooks?: () => unknown[]) => unknown;
    performReactRefresh(): unknown;
    isLikelyComponentType(value: unknown): boolean;
  };
  export default runtime;
}
