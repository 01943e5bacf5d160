import type { Metadata } from 'nexxo';
import Link from 'nexxo/link';
import { site } from '@/lib/site';
import styles from './layout.module.css';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(site.url),
  title: { default: site.name, template: `%s · ${site.name}` },
  description: site.description,
  authors: [{ name: site.author }],
  openGraph: { siteName: site.name, type: 'website' },
  alternates: { types: { 'application/rss+xml': '/rss.xml' } },
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <div className={styles.shell}>
          <header className={styles.header}>
            <Link href="/" className={styles.brand}>
              {site.name}
            </Link>
            <nav className={styles.nav}>
              <Link href="/">Posts</Link>
              <a href="/rss.xml">RSS</a>
            </nav>
          </header>
          <main className={styles.content}>{children}</main>
          <footer className={styles.footer}>
            © {new Date().getFullYear()} {site.author}. Built with Nexxo.
          </footer>
        </div>
      </body>
    </html>
  );
}
