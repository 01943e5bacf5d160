import styles from './customers.module.css';

// Shown at once while the customers page loads its data (it streams in when ready).
export default function Loading() {
  return (
    <div className={styles.skeleton} aria-busy="true" aria-label="Loading customers">
      {Array.from({ length: 6 }, (_, index) => (
        <div key={index} className={styles.skeletonRow} />
      ))}
    </div>
  );
}
