'use client';

import styles from './customers.module.css';

// Catches an error thrown while rendering the customers page; the sidebar keeps working.
export default function CustomersError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className={styles.error} role="alert">
      <h2>Could not load customers</h2>
      <p>{error.digest ? `Error ${error.digest}. ` : ''}Try again; if it keeps failing, check the server logs.</p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
