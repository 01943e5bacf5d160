import { describe, expect, it } from 'vitest';
import { pathTags, revalidatePathTags } from './path-tags.js';

/** Whether revalidatePath(path, type) invalidates data stored while rendering `pathname` of `routeId`. */
const reaches = (path: string, type: 'page' | 'layout' | undefined, pathname: string, routeId: string) =>
  revalidatePathTags(path, type).some((tag) => pathTags(pathname, routeId).includes(tag));

describe('pathTags and revalidatePathTags', () => {
  it('tags a render with its path, its route id and every layout above both', () => {
    expect(pathTags('/blog/a', '/blog/[slug]')).toEqual(['path:/blog/a', 'path:/blog/[slug]', 'layout:/', 'layout:/blog', 'layout:/blog/a', 'layout:/blog/[slug]']);
    expect(pathTags('/', '/')).toEqual(['path:/', 'layout:/']);
  });

  it("revalidatePath('/blog/[slug]') reaches a render of /blog/a", () => {
    expect(reaches('/blog/[slug]', undefined, '/blog/a', '/blog/[slug]')).toBe(true);
  });

  it("revalidatePath('/blog', 'layout') reaches /blog/a and /blog/x/y but not /blogs", () => {
    expect(reaches('/blog', 'layout', '/blog/a', '/blog/[slug]')).toBe(true);
    expect(reaches('/blog', 'layout', '/blog/x/y', '/blog/[...rest]')).toBe(true);
    expect(reaches('/blog', 'layout', '/blogs', '/blogs')).toBe(false);
  });

  it("revalidatePath('/blog/a') does not reach /blog/b", () => {
    expect(reaches('/blog/a', 'page', '/blog/a', '/blog/[slug]')).toBe(true);
    expect(reaches('/blog/a', 'page', '/blog/b', '/blog/[slug]')).toBe(false);
  });

  it("revalidatePath('/', 'layout') reaches every page", () => {
    expect(reaches('/', 'layout', '/deep/down/page', '/deep/down/page')).toBe(true);
  });

  it('normalizes trailing slashes and percent-encoding on both sides', () => {
    expect(revalidatePathTags('/blog/')).toEqual(['path:/blog']);
    expect(reaches('/blog/hello world/', 'page', '/blog/hello%20world', '/blog/[slug]')).toBe(true);
    expect(pathTags('/blog/a/', '/blog/[slug]/')).toEqual(pathTags('/blog/a', '/blog/[slug]'));
  });
});
