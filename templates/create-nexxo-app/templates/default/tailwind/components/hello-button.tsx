'use client';

import { useState } from 'react';

// Calls the route handler in app/api/hello/route.ts from the browser.
export function HelloButton() {
  const [message, setMessage] = useState<string | null>(null);

  async function sayHello() {
    const response = await fetch('/api/hello?name=Nexxo');
    const data = (await response.json()) as { message: string };
    setMessage(data.message);
  }

  return (
    <div className="flex items-center gap-3">
      <button
        type="button"
        onClick={sayHello}
        className="rounded-full border border-zinc-300 px-5 py-2.5 text-sm font-medium transition hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-900"
      >
        Call /api/hello
      </button>
      <output aria-live="polite" className="text-sm text-zinc-600 dark:text-zinc-400">
        {message}
      </output>
    </div>
  );
}
