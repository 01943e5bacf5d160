import { NavLinks } from '@/components/nav-links';
import styles from './layout.module.css';

// The (dashboard) group's layout: a sidebar around every page in the group. The group's name is
// not part of the URL: app/(dashboard)/customers/page.tsx is /customers.
export default function DashboardLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className={styles.shell}>
      <aside className={styles.sidebar}>
        <div className={styles.brand}>
          <span className={styles.logo} aria-hidden />
          Acme
        </div>
        <NavLinks />
      </aside>
      <main className={styles.content}>{children}</main>
    </div>
  );
}
