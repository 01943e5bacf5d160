import styles from './settings.module.css';

export const metadata = { title: 'Settings' };

export default function GeneralSettings() {
  return (
    <dl className={styles.list}>
      <div>
        <dt>Workspace</dt>
        <dd>Acme Inc.</dd>
      </div>
      <div>
        <dt>Plan</dt>
        <dd>Team, billed yearly</dd>
      </div>
      <div>
        <dt>Region</dt>
        <dd>Europe (Frankfurt)</dd>
      </div>
    </dl>
  );
}
