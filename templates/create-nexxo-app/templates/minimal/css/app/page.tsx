import styles from './page.module.css';

export default function Home() {
  return (
    <main className={styles.main}>
      <h1 className={styles.title}>Hello, Nexxo.</h1>
      <p className={styles.lead}>
        One layout, one page. Edit <code>app/page.tsx</code> and save to see it change.
      </p>
    </main>
  );
}
