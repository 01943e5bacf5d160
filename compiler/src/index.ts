export { buildEnvironments } from './build-environments.js';
export type { BuildEnvironmentsOptions, BuildEnvironmentsResult, BuildMode, EnvironmentEntry } from './build-environments.js';
export type { ClientReference } from './plugins/client-references.js';
export type { ClientChunkGraph } from './chunk-graph.js';
export { NexxoBuildError, formatDiagnostic } from './errors.js';
export { readModuleDirective } from './directives.js';
export { listExports } from './module-exports.js';
export type { Plugin } from 'rolldown';
