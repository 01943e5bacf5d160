import { Component, useContext, useEffect, type ReactNode } from 'react';
import { readRedirect, type RedirectTarget } from '../shared/navigation-errors.js';
import { RouterContext, type AppRouterInstance } from './router-context.js';

/** Turns a `redirect()` thrown after the page started streaming into a client navigation. */
export function RedirectBoundary({ children }: { children: ReactNode }): ReactNode {
  return <RedirectCatcher router={useContext(RouterContext)}>{children}</RedirectCatcher>;
}

class RedirectCatcher extends Component<{ router: AppRouterInstance | null; children: ReactNode }, { redirect: RedirectTarget | null }> {
  override state: { redirect: RedirectTarget | null } = { redirect: null };

  static getDerivedStateFromError(error: unknown): { redirect: RedirectTarget } {
    const redirect = readRedirect(error);
    if (!redirect) throw error;
    return { redirect };
  }

  override render(): ReactNode {
    const { redirect } = this.state;
    if (!redirect) return this.props.children;
    return <PerformRedirect redirect={redirect} router={this.props.router} onDone={() => this.setState({ redirect: null })} />;
  }
}

function PerformRedirect({ redirect, router, onDone }: { redirect: RedirectTarget; router: AppRouterInstance | null; onDone: () => void }): ReactNode {
  useEffect(() => {
    if (!router) window.location.replace(redirect.url);
    else if (redirect.type === 'push') router.push(redirect.url);
    else router.replace(redirect.url);
    onDone();
  }, [redirect, router, onDone]);
  return null;
}
