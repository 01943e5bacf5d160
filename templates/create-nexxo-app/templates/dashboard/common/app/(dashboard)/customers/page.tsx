import Link from 'nexxo/link';
import { PageHeader } from '@/components/page-header';
import { findCustomers, isStatus, statusOptions } from '@/lib/customers';
import styles from './customers.module.css';

export const metadata = { title: 'Customers' };

type Props = { searchParams: Promise<{ q?: string; status?: string }> };

// Reading searchParams makes this page render per request. The filters live in the URL, so a
// filtered table can be bookmarked and shared, and the form works without JavaScript.
export default async function CustomersPage({ searchParams }: Props) {
  const { q = '', status } = await searchParams;
  const customers = await findCustomers({ query: q, status: isStatus(status) ? status : undefined });
  const href = (next: string | undefined) => {
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    if (next) params.set('status', next);
    const query = params.toString();
    return query ? `/customers?${query}` : '/customers';
  };

  return (
    <>
      <PageHeader title="Customers" description="Search by name or email; filter by status." />
      <div className={styles.toolbar}>
        <form action="/customers" className={styles.search}>
          <input type="search" name="q" defaultValue={q} placeholder="Search customers…" aria-label="Search customers" />
          {isStatus(status) && <input type="hidden" name="status" value={status} />}
          <button type="submit">Search</button>
        </form>
        <nav className={styles.filters} aria-label="Status">
          {[undefined, ...statusOptions].map((option) => (
            <Link key={option ?? 'all'} href={href(option)} aria-current={(isStatus(status) ? status : undefined) === option ? 'true' : undefined}>
              {option ?? 'all'}
            </Link>
          ))}
        </nav>
      </div>
      <div className={styles.tableWrap}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th>Name</th>
              <th>Plan</th>
              <th>Status</th>
              <th className={styles.number}>MRR</th>
              <th>Joined</th>
            </tr>
          </thead>
          <tbody>
            {customers.map((customer) => (
              <tr key={customer.id}>
                <td>
                  <div className={styles.name}>{customer.name}</div>
                  <div className={styles.email}>{customer.email}</div>
                </td>
                <td>{customer.plan}</td>
                <td>
                  <span className={styles.status} data-status={customer.status}>
                    {customer.status}
                  </span>
                </td>
                <td className={styles.number}>${customer.mrr}</td>
                <td>{customer.joined}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {customers.length === 0 && <p className={styles.empty}>No customers match “{q}”.</p>}
      </div>
      <p className={styles.count}>
        {customers.length} {customers.length === 1 ? 'customer' : 'customers'}
      </p>
    </>
  );
}
