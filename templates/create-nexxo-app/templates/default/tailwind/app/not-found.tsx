import Link from 'nexxo/link';

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl flex-col items-start justify-center gap-4 px-6">
      <p className="font-mono text-sm text-indigo-600 dark:text-indigo-400">404</p>
      <h1 className="text-3xl font-semibold tracking-tight">This page does not exist</h1>
      <Link href="/" className="text-indigo-600 underline-offset-4 hover:underline dark:text-indigo-400">
        Back home
      </Link>
    </main>
  );
}
