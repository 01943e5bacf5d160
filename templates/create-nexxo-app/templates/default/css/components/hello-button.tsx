'use client';

import { useState } from 'react';
import styles from './buttons.module.css';

// Calls the route handler in app/api/hello/route.ts from the browser.
export function HelloButton() {
  const [message, setMessage] = useState<string | null>(null);

  async function sayHello() {
    const response = await fetch('/api/hello?name=Nexxo');
    const data = (await response.json()) as { message: string };
    setMessage(data.message);
  }

  return (
    <div className={styles.row}>
      <button type="button" onClick={sayHello} className={styles.secondary}>
        Call /api/hello
      </button>
      <output aria-live="polite" className={styles.output}>
        {message}
      </output>
    </div>
  );
}
