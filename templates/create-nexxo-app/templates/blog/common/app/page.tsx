import Link from 'nexxo/link';
import { formatDate, getPosts } from '@/lib/posts';
import { site } from '@/lib/site';
import styles from './page.module.css';

export default function Home() {
  const posts = getPosts();
  return (
    <>
      <p className={styles.intro}>{site.description}</p>
      <ul className={styles.list}>
        {posts.map((post) => (
          <li key={post.slug} className={styles.item}>
            <Link href={`/posts/${post.slug}`}>
              <time dateTime={post.date}>{formatDate(post.date)}</time>
              <h2>{post.title}</h2>
              <p>{post.description}</p>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
