import { features } from './features';
import { Counter } from '@/components/counter';
import { HelloButton } from '@/components/hello-button';
import styles from './page.module.css';

// A server component: it runs at build time (this page reads no request data, so it is
// prerendered) and its code never ships to the browser.
export default function Home() {
  const builtAt = new Date().toUTCString();

  return (
    <main className={styles.main}>
      <section className={styles.hero}>
        <span className={styles.badge}>Rendered on the server at {builtAt}</span>
        <h1 className={styles.title}>
          Build something people <span className={styles.gradient}>come back to</span>.
        </h1>
        <p className={styles.lead}>
          Your Nexxo app is running. Start by editing <code>app/page.tsx</code>: the page updates as you save.
        </p>
        <div className={styles.actions}>
          <Counter />
          <HelloButton />
        </div>
      </section>

      <section aria-labelledby="features">
        <h2 id="features" className={styles.sectionTitle}>
          What this page shows
        </h2>
        <ul className={styles.features}>
          {features.map((feature) => (
            <li key={feature.title} className={styles.card}>
              <h3>{feature.title}</h3>
              <p>{feature.body}</p>
              <p className={styles.file}>{feature.file}</p>
            </li>
          ))}
        </ul>
      </section>

      <footer className={styles.footer}>Made with Nexxo · CSS Modules · dark mode follows your system</footer>
    </main>
  );
}
