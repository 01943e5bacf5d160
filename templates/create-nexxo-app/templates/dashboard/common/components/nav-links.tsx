'use client';

import Link from 'nexxo/link';
import { usePathname } from 'nexxo/navigation';
import styles from './nav-links.module.css';

const links = [
  { href: '/', label: 'Overview' },
  { href: '/customers', label: 'Customers' },
  { href: '/settings', label: 'Settings' },
];

// A client component: it highlights the current page, which it reads from the URL.
export function NavLinks() {
  const pathname = usePathname();
  return (
    <nav className={styles.nav}>
      {links.map((link) => {
        const active = link.href === '/' ? pathname === '/' : pathname.startsWith(link.href);
        return (
          <Link key={link.href} href={link.href} className={styles.link} aria-current={active ? 'page' : undefined}>
            {link.label}
          </Link>
        );
      })}
      <Link href="/login" className={styles.link}>
        Sign out
      </Link>
    </nav>
  );
}
