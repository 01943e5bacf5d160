import Link from 'nexxo/link';
import styles from '../auth.module.css';

export const metadata = { title: 'Sign in' };

export default function LoginPage() {
  return (
    <div className={styles.card}>
      <h1>Sign in to Acme</h1>
      <form action="/" className={styles.form}>
        <label>
          Email
          <input type="email" name="email" autoComplete="email" placeholder="you@example.com" />
        </label>
        <label>
          Password
          <input type="password" name="password" autoComplete="current-password" />
        </label>
        <button type="submit">Sign in</button>
      </form>
      <p className={styles.note}>
        This is a sample screen with no authentication. <Link href="/">Back to the dashboard</Link>
      </p>
    </div>
  );
}
