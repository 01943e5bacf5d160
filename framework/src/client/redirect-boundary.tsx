'use client';
import { Component, useContext, useEffect, type ReactNode } from 'react';
import { readRedirect, type RedirectTarget } from '../shared/navigation-errors.js';
import { PathnameContext, RouterContext, SearchParamsContext, type AppRouterInstance } from './router-context.js';
import { withBasePath } from '../shared/base-path.js';

/**
 * Turns a `redirect()` thrown after the page started streaming into a client navigation. Each
 * segment has one around its child, so the layouts above the redirecting page stay mounted.
 */
export function RedirectBoundary({ children }: { children: ReactNode }): ReactNode {
  const url = `${useContext(PathnameContext)}?${useContext(SearchParamsContext)?.toString() ?? ''}`;
  return (
    <RedirectCatcher router={useContext(RouterContext)} url={url}>
      {children}
    </RedirectCatcher>
  );
}

interface CatcherState {
  redirect: RedirectTarget | null;
  /** The URL whose render threw; the boundary resets once the router shows another URL. */
  failedUrl: string | null;
}

class RedirectCatcher extends Component<{ router: AppRouterInstance | null; url: string; children: ReactNode }, CatcherState> {
  override state: CatcherState = { redirect: null, failedUrl: null };

  static getDerivedStateFromError(error: unknown): Partial<CatcherState> {
    const redirect = readRedirect(error);
    if (!redirect) throw error;
    return { redirect };
  }

  static getDerivedStateFromProps(props: { url: string }, state: CatcherState): Partial<CatcherState> | null {
    if (state.redirect && state.failedUrl === null) return { failedUrl: props.url };
    if (state.redirect && state.failedUrl !== props.url) return { redirect: null, failedUrl: null };
    return null;
  }

  override render(): ReactNode {
    const { redirect } = this.state;
    if (!redirect) return this.props.children;
    return <PerformRedirect redirect={redirect} router={this.props.router} />;
  }
}

function PerformRedirect({ redirect, router }: { redirect: RedirectTarget; router: AppRouterInstance | null }): ReactNode {
  useEffect(() => {
    if (!router) window.location.replace(withBasePath(redirect.url));
    else if (redirect.type === 'push') router.push(redirect.url);
    else router.replace(redirect.url);
  }, [redirect, router]);
  return null;
}
