import type { Metadata } from 'nexxo';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Acme Dashboard', template: '%s · Acme Dashboard' },
  description: 'Customers, revenue and settings.',
};

// The root layout: shared by both route groups, (dashboard) and (auth), which add their own.
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
