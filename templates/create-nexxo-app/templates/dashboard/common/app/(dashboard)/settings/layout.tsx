import Link from 'nexxo/link';
import { PageHeader } from '@/components/page-header';
import styles from './settings.module.css';

// A nested layout: inside the dashboard's, around /settings and /settings/team. It stays mounted
// when you switch between its tabs.
export default function SettingsLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <PageHeader title="Settings" description="Your workspace and the people in it." />
      <nav className={styles.tabs}>
        <Link href="/settings">General</Link>
        <Link href="/settings/team">Team</Link>
      </nav>
      <section className={styles.panel}>{children}</section>
    </>
  );
}
