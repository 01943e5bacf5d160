'use client';

import { useState } from 'react';
import styles from './buttons.module.css';

// A client component: hydrated in the browser, so it can hold state. Edit it while `nexxo dev`
// runs: Fast Refresh keeps the count.
export function Counter() {
  const [count, setCount] = useState(0);
  return (
    <button type="button" onClick={() => setCount((value) => value + 1)} className={styles.primary}>
      Clicked {count} {count === 1 ? 'time' : 'times'}
    </button>
  );
}
