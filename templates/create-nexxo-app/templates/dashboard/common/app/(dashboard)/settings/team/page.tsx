import styles from '../settings.module.css';

export const metadata = { title: 'Team' };

const members = [
  { name: 'Ada Lovelace', role: 'Owner' },
  { name: 'Grace Hopper', role: 'Admin' },
  { name: 'Alan Turing', role: 'Member' },
];

export default function TeamSettings() {
  return (
    <dl className={styles.list}>
      {members.map((member) => (
        <div key={member.name}>
          <dt>{member.name}</dt>
          <dd>{member.role}</dd>
        </div>
      ))}
    </dl>
  );
}
