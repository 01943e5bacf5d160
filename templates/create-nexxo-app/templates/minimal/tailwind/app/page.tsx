export default function Home() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-2xl flex-col justify-center gap-4 px-6 py-16">
      <h1 className="text-4xl font-semibold tracking-tight sm:text-5xl">Hello, Nexxo.</h1>
      <p className="text-lg text-stone-600 dark:text-stone-400">
        One layout, one page. Edit <code className="font-mono text-base">app/page.tsx</code> and save to see it change.
      </p>
    </main>
  );
}
