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
      <body>{children}</body>
    </html>
  );
}
