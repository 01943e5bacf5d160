import Link from 'nexxo/link';
import { PageHeader } from '@/components/page-header';
import { summary } from '@/lib/customers';
import styles from './overview.module.css';

export const metadata = { title: 'Overview' };

export default function OverviewPage() {
  const stats = summary();
  const cards = [
    { label: 'Monthly revenue', value: `$${stats.mrr.toLocaleString('en-US')}` },
    { label: 'Active customers', value: String(stats.active) },
    { label: 'All customers', value: String(stats.customers) },
    { label: 'Churn', value: `${Math.round(stats.churnRate * 100)}%` },
  ];
  return (
    <>
      <PageHeader title="Overview" description="How the business is doing this month." />
      <section className={styles.grid}>
        {cards.map((card) => (
          <div key={card.label} className={styles.card}>
            <p className={styles.label}>{card.label}</p>
            <p className={styles.value}>{card.value}</p>
          </div>
        ))}
      </section>
      <p className={styles.hint}>
        Go to <Link href="/customers?status=trial">customers on a trial</Link>: the table reads its filters from the URL.
      </p>
    </>
  );
}
