import type { ErrorComponentProps } from './segment-boundaries.js';

/** Shown when the root layout itself fails and the app has no `global-error` file. */
export function DefaultGlobalError({ error, reset }: ErrorComponentProps) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', display: 'grid', placeItems: 'center', minHeight: '100vh', margin: 0 }}>
        <div style={{ textAlign: 'center' }}>
          <h1 style={{ fontSize: 22, fontWeight: 600 }}>Application error</h1>
          <p>A server or client error occurred while loading this page.{error.digest ? ` (digest: ${error.digest})` : ''}</p>
          <button type="button" onClick={reset}>
            Try again
          </button>
        </div>
      </body>
    </html>
  );
}
