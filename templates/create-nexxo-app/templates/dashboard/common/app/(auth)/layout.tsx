import styles from './auth.module.css';

// The (auth) group's layout: a centred card, no sidebar. Same root layout, different shell.
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <main className={styles.center}>{children}</main>;
}
