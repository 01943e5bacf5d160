import { features } from './features';
import { Counter } from '@/components/counter';
import { HelloButton } from '@/components/hello-button';

// A server component: it runs at build time (this page reads no request data, so it is
// prerendered) and its code never ships to the browser.
export default function Home() {
  const builtAt = new Date().toUTCString();

  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-16 px-6 py-16 sm:py-24">
      <section className="flex flex-col items-start gap-6">
        <span className="rounded-full border border-indigo-200 bg-indigo-50 px-3 py-1 text-xs font-medium text-indigo-700 dark:border-indigo-500/30 dark:bg-indigo-500/10 dark:text-indigo-300">
          Rendered on the server at {builtAt}
        </span>
        <h1 className="text-4xl font-semibold tracking-tight text-balance sm:text-6xl">
          Build something people{' '}
          <span className="bg-gradient-to-r from-indigo-500 to-fuchsia-500 bg-clip-text text-transparent">come back to</span>.
        </h1>
        <p className="max-w-2xl text-lg text-pretty text-zinc-600 dark:text-zinc-400">
          Your Nexxo app is running. Start by editing{' '}
          <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-sm dark:bg-zinc-800">app/page.tsx</code>: the page
          updates as you save.
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <Counter />
          <HelloButton />
        </div>
      </section>

      <section aria-labelledby="features" className="flex flex-col gap-6">
        <h2 id="features" className="text-sm font-semibold tracking-widest text-zinc-500 uppercase">
          What this page shows
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {features.map((feature) => (
            <li
              key={feature.title}
              className="rounded-2xl border border-zinc-200 p-6 transition-colors hover:border-indigo-300 dark:border-zinc-800 dark:hover:border-indigo-500/50"
            >
              <h3 className="font-semibold">{feature.title}</h3>
              <p className="mt-2 text-sm leading-relaxed text-zinc-600 dark:text-zinc-400">{feature.body}</p>
              <p className="mt-4 font-mono text-xs text-zinc-500">{feature.file}</p>
            </li>
          ))}
        </ul>
      </section>

      <footer className="border-t border-zinc-200 pt-8 text-sm text-zinc-500 dark:border-zinc-800">
        Made with Nexxo · Tailwind CSS v4 · dark mode follows your system
      </footer>
    </main>
  );
}
