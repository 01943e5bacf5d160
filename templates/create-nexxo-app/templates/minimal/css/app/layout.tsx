import type { Metadata } from 'nexxo';
import './globals.css';

export const metadata: Metadata = {
  title: 'Nexxo app',
  description: 'Started from the minimal Nexxo template.',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
