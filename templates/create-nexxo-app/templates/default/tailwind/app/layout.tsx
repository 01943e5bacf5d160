import type { Metadata, Viewport } from 'nexxo';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Nexxo app', template: '%s · Nexxo app' },
  description: 'A Nexxo app: React Server Components, streaming and route handlers.',
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#09090b' },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh bg-white font-sans text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        {children}
      </body>
    </html>
  );
}
