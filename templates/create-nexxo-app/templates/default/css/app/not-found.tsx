import Link from 'nexxo/link';
import styles from './not-found.module.css';

export default function NotFound() {
  return (
    <main className={styles.main}>
      <p className={styles.code}>404</p>
      <h1>This page does not exist</h1>
      <Link href="/" className={styles.link}>
        Back home
      </Link>
    </main>
  );
}
