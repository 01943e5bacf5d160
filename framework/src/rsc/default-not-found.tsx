/** Shown for a 404 when the app has no `not-found` file. */
export function DefaultNotFound() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', minHeight: '60vh', display: 'grid', placeItems: 'center', textAlign: 'center' }}>
      <div>
        <h1 style={{ fontSize: 24, fontWeight: 600 }}>404</h1>
        <p>This page could not be found.</p>
      </div>
    </main>
  );
}
