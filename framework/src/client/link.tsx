'use client';
import { useContext, useEffect, useRef, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';
import { RouterContext } from './router-context.js';
import { withBasePath } from '../shared/base-path.js';

export interface UrlObject {
  pathname?: string;
  query?: Record<string, string | number | boolean | ReadonlyArray<string | number | boolean> | null | undefined>;
  hash?: string;
}

export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  href: string | UrlObject;
  /** Replace the current history entry instead of adding one. */
  replace?: boolean;
  /** Scroll to the top (or #hash) after navigating. Default true. */
  scroll?: boolean;
  /** Fetch the page's payload when the link enters the viewport (production only). Default true. */
  prefetch?: boolean | null;
  children?: ReactNode;
}

export function formatHref(href: string | UrlObject): string {
  if (typeof href === 'string') return href;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(href.query ?? {})) {
    if (value === null || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  const query = search.toString();
  const hash = href.hash ? (href.hash.startsWith('#') ? href.hash : `#${href.hash}`) : '';
  return `${href.pathname ?? ''}${query ? `?${query}` : ''}${hash}`;
}

function isModifiedClick(event: MouseEvent<HTMLAnchorElement>): boolean {
  const target = event.currentTarget.getAttribute('target');
  return (
    event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey ||
    (target !== null && target !== '_self') || event.currentTarget.hasAttribute('download')
  );
}

/**
 * A link that navigates on the client: only the new page's payload is fetched, layouts that stay
 * keep their state.
 * @example
 * <Link href="/blog/hello">Read the post</Link>
 */
export function Link({ href, replace, scroll, prefetch, onClick, children, ...rest }: LinkProps): ReactNode {
  const router = useContext(RouterContext);
  const ref = useRef<HTMLAnchorElement>(null);
  const resolved = formatHref(href);
  // What the browser sees and requests: with the base path. The router adds it itself.
  const shown = withBasePath(resolved);

  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || prefetch === false || !router || !ref.current) return;
    const element = ref.current;
    if (new URL(shown, location.href).origin !== location.origin) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        router.prefetch(resolved);
        observer.disconnect();
      }
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [resolved, prefetch, router]);

  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || !router || isModifiedClick(event)) return;
    const url = new URL(shown, location.href);
    if (url.origin !== location.origin) return;
    event.preventDefault();
    if (replace) router.replace(resolved, { scroll });
    else router.push(resolved, { scroll });
  };

  return (
    <a {...rest} ref={ref} href={shown} onClick={handleClick}>
      {children}
    </a>
  );
}
