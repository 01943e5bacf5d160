import Link from 'nexxo/link';

export default function NotFound() {
  return (
    <>
      <h1>Not found</h1>
      <p>
        There is no post here. <Link href="/">See all posts</Link>.
      </p>
    </>
  );
}
