import { ImageResponse } from 'nexxo/og';
import { getPost } from '@/lib/posts';
import { site } from '@/lib/site';

// The image a shared link to a post shows: drawn from JSX at build time for every post.
export const alt = 'The post title';
export const size = { width: 1200, height: 630 };
export const contentType = 'image/png';

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const post = getPost((await params).slug);
  return new ImageResponse(
    (
      <div style={{ display: 'flex', flexDirection: 'column', justifyContent: 'space-between', width: '100%', height: '100%', padding: 80, background: '#16140f', color: '#ede6da' }}>
        <div style={{ display: 'flex', fontSize: 32, color: '#f08a5d' }}>{site.name}</div>
        <div style={{ display: 'flex', fontSize: 72, fontWeight: 700, lineHeight: 1.1 }}>{post?.title ?? site.name}</div>
        <div style={{ display: 'flex', fontSize: 28, color: '#a39a8c' }}>{post?.description ?? site.description}</div>
      </div>
    ),
    size,
  );
}
