import type { Metadata } from 'nexxo';
import './globals.css';

export const metadata: Metadata = {
  title: 'Nexxo app',
  description: 'Started from the minimal Nexxo template.',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="bg-stone-50 text-stone-900 antialiased dark:bg-stone-950 dark:text-stone-100">{children}</body>
    </html>
  );
}
