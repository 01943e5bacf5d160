// Modules the compiler generates for each app build.
declare module 'virtual:nexxo/client-references' {
  const references: Record<string, () => Promise<Record<string, unknown>>>;
  export default references;
}
declare module 'virtual:nexxo/app' {
  export const segments: import('./shared/app-module.js').AppSegment[];
  export const routes: import('./shared/app-module.js').AppRoute[];
  export const buildId: string;
  /** `manifest.webmanifest` when the app has a manifest file at its root. */
  export const manifestName: string | null;
}
declare module 'virtual:nexxo/middleware' {
  /** The app's middleware.ts / proxy.ts module, or null without one. */
  export const middlewareModule: Record<string, unknown> | null;
  /** Its path relative to the app root, for messages. */
  export const middlewareFile: string | null;
}

declare module 'virtual:nexxo/server-actions' {
  /** Every module that may define server actions, by the file key that starts their ids. */
  export const actionFiles: Record<string, () => Promise<unknown>>;
  /** Base64 AES key of this build for the values inline actions close over. */
  export const boundArgsKey: string;
}
