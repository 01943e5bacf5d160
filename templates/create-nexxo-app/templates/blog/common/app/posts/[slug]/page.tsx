import type { Metadata } from 'nexxo';
import Link from 'nexxo/link';
import { notFound } from 'nexxo/navigation';
import { formatDate, getPost, getPosts, renderMarkdown } from '@/lib/posts';
import styles from './post.module.css';

type Props = { params: Promise<{ slug: string }> };

// Every post is prerendered at build time; any other slug is a 404.
export function generateStaticParams() {
  return getPosts().map((post) => ({ slug: post.slug }));
}
export const dynamicParams = false;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const post = getPost((await params).slug);
  if (!post) return {};
  return {
    title: post.title,
    description: post.description,
    openGraph: { type: 'article', title: post.title, description: post.description, publishedTime: post.date },
  };
}

export default async function PostPage({ params }: Props) {
  const post = getPost((await params).slug);
  if (!post) notFound();
  return (
    <article>
      <header className={styles.header}>
        <time dateTime={post.date}>{formatDate(post.date)}</time>
        <h1>{post.title}</h1>
        <p>{post.description}</p>
      </header>
      <div className={styles.prose} dangerouslySetInnerHTML={{ __html: renderMarkdown(post.body) }} />
      <p className={styles.back}>
        <Link href="/">← All posts</Link>
      </p>
    </article>
  );
}
