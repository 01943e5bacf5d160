// The tables live with the build's compatibility layer, so the build and the codemods agree.
export { SUPPORTED_NEXT_MODULES, UNSUPPORTED_NEXT_MODULES, supportedReplacement, unsupportedAdvice } from '../../build/next-compat.js';

/** Types that `nexxo` (the package root) exports for `import type { … } from 'next'`. */
export const NEXXO_ROOT_TYPES: ReadonlySet<string> = new Set(['Metadata', 'Viewport', 'MetadataRoute', 'ResolvingMetadata', 'ResolvingViewport']);
