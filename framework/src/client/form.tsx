'use client';
import { useContext, useEffect, useRef, type FormHTMLAttributes, type ReactNode, type SubmitEvent } from 'react';
import { RouterContext } from './router-context.js';
import { withBasePath } from '../shared/base-path.js';

export interface FormProps extends Omit<FormHTMLAttributes<HTMLFormElement>, 'action'> {
  /**
   * A URL: submitting navigates there on the client, with the fields as the query (a GET form).
   * A function: a server action or client function, as with `<form action>`.
   */
  action: string | ((formData: FormData) => void | Promise<void>);
  /** Replace the current history entry instead of adding one (URL action only). */
  replace?: boolean;
  /** Scroll to the top after navigating (URL action only). Default true. */
  scroll?: boolean;
  /** Fetch the target's layouts ahead when the form is visible (URL action only, production). Default true. */
  prefetch?: boolean;
  children?: ReactNode;
}

/** Submitter attributes that send the form somewhere else or differently: the browser handles those. */
const SUBMITTER_OVERRIDES = ['formaction', 'formmethod', 'formenctype', 'formtarget'];

/**
 * A form that navigates on the client, like `next/form`: a search box that updates the page
 * without a full reload, and still works as a plain GET form without JavaScript.
 * @example
 * <Form action="/search"><input name="q" /><button>Search</button></Form>
 */
export function Form({ action, replace, scroll, prefetch, onSubmit, children, ...rest }: FormProps): ReactNode {
  const router = useContext(RouterContext);
  const ref = useRef<HTMLFormElement>(null);
  const target = typeof action === 'string' ? action : null;

  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || target === null || prefetch === false || !router || !ref.current) return;
    const element = ref.current;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        router.prefetch(target);
        observer.disconnect();
      }
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [target, prefetch, router]);

  if (target === null) {
    return (
      <form {...rest} ref={ref} action={action as (formData: FormData) => void} onSubmit={onSubmit}>
        {children}
      </form>
    );
  }

  const handleSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    onSubmit?.(event);
    if (event.defaultPrevented || !router) return;
    const submitter = event.nativeEvent.submitter;
    if (submitter && SUBMITTER_OVERRIDES.some((name) => submitter.hasAttribute(name))) return;
    const url = new URL(target, location.href);
    if (url.origin !== location.origin) return;
    event.preventDefault();
    const search = new URLSearchParams();
    for (const [name, value] of new FormData(event.currentTarget, submitter)) search.append(name, typeof value === 'string' ? value : value.name);
    const href = `${url.pathname}?${search.toString()}`;
    if (replace) router.replace(href, { scroll });
    else router.push(href, { scroll });
  };

  return (
    <form {...rest} ref={ref} action={withBasePath(target)} method="get" onSubmit={handleSubmit}>
      {children}
    </form>
  );
}
