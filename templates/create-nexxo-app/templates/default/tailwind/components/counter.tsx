'use client';

import { useState } from 'react';

// A client component: hydrated in the browser, so it can hold state. Edit it while `nexxo dev`
// runs: Fast Refresh keeps the count.
export function Counter() {
  const [count, setCount] = useState(0);
  return (
    <button
      type="button"
      onClick={() => setCount((value) => value + 1)}
      className="rounded-full bg-indigo-600 px-5 py-2.5 text-sm font-medium text-white shadow-sm transition hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 active:scale-95"
    >
      Clicked {count} {count === 1 ? 'time' : 'times'}
    </button>
  );
}
