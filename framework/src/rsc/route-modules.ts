import type { AppSegment, ModuleLoader, SegmentFileKind } from '../shared/app-module.js';

export type RouteModule = Record<string, unknown>;

const loaded = new WeakMap<ModuleLoader, Promise<RouteModule>>();

/** Loads a route file once per process. */
export function loadSegmentFile(segment: AppSegment, kind: SegmentFileKind): Promise<RouteModule> | undefined {
  const loader = segment.files[kind];
  if (!loader) return undefined;
  let module = loaded.get(loader);
  if (!module) {
    module = loader();
    loaded.set(loader, module);
  }
  return module;
}

/** The default export of a route file, which must be a component. */
export function defaultComponent(module: RouteModule, kind: SegmentFileKind, file: string): React.ComponentType<any> {
  const component = module.default;
  if (typeof component !== 'function' && (typeof component !== 'object' || component === null))
    throw new Error(
      `${file}: this ${kind} has no default export.\n  Fix: export its component as default: \`export default function ${kind === 'not-found' ? 'NotFound' : kind[0]!.toUpperCase() + kind.slice(1)}() { … }\`.`,
    );
  return component as React.ComponentType<any>;
}
