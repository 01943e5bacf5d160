export type Status = 'active' | 'trial' | 'churned';

export interface Customer {
  id: string;
  name: string;
  email: string;
  plan: 'Starter' | 'Team' | 'Enterprise';
  status: Status;
  /** Monthly revenue, in dollars. */
  mrr: number;
  joined: string;
}

const names = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Katherine Johnson', 'Linus Torvalds', 'Margaret Hamilton', 'Dennis Ritchie', 'Barbara Liskov', 'Tim Berners-Lee', 'Radia Perlman', 'Ken Thompson', 'Frances Allen', 'Donald Knuth', 'Hedy Lamarr', 'Edsger Dijkstra', 'Annie Easley', 'John McCarthy', 'Shafi Goldwasser', 'Guido van Rossum', 'Jean Bartik'];
const plans: Customer['plan'][] = ['Starter', 'Team', 'Enterprise'];
const statuses: Status[] = ['active', 'active', 'trial', 'active', 'churned'];

// Sample data, the same on every run. Replace it with your database.
const customers: Customer[] = names.map((name, index) => {
  const plan = plans[index % 3]!;
  return {
    id: `cus_${(index + 1).toString().padStart(3, '0')}`,
    name,
    email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com`,
    plan,
    status: statuses[index % statuses.length]!,
    mrr: { Starter: 29, Team: 99, Enterprise: 499 }[plan] * (1 + (index % 4)),
    joined: `2026-${String(1 + (index % 11)).padStart(2, '0')}-${String(1 + ((index * 7) % 28)).padStart(2, '0')}`,
  };
});

/** Customers whose name or email contains `query`, with the given status; newest first. */
export async function findCustomers({ query = '', status }: { query?: string; status?: Status }): Promise<Customer[]> {
  // Stands in for a database round trip, so the route's loading state shows while it streams.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const needle = query.trim().toLowerCase();
  return customers
    .filter((customer) => (!status || customer.status === status) && (!needle || customer.name.toLowerCase().includes(needle) || customer.email.includes(needle)))
    .sort((a, b) => b.joined.localeCompare(a.joined));
}

export function summary() {
  const active = customers.filter((customer) => customer.status !== 'churned');
  return {
    customers: customers.length,
    active: active.length,
    mrr: active.reduce((sum, customer) => sum + customer.mrr, 0),
    churnRate: customers.filter((customer) => customer.status === 'churned').length / customers.length,
  };
}

export const statusOptions: Status[] = ['active', 'trial', 'churned'];

export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (statusOptions as string[]).includes(value);
}
