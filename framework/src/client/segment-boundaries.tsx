'use client';
import { Component, Fragment, useContext, type ComponentType, type ErrorInfo, type ReactNode } from 'react';
import { isNotFoundError, readRedirect } from '../shared/navigation-errors.js';
import { LayoutDepthContext, LayoutNodesContext } from './router-context.js';

/** Where the node of the segment at `depth` renders inside its parent's layout. */
export function Outlet({ depth }: { depth: number }): ReactNode {
  return useContext(LayoutNodesContext).nodes[depth] ?? null;
}

/** Tells the layout's client components at which depth it sits. */
export function LayoutDepth({ depth, children }: { depth: number; children: ReactNode }): ReactNode {
  return <LayoutDepthContext.Provider value={depth}>{children}</LayoutDepthContext.Provider>;
}

/** Remounts its children when the segment at `depth` changes (templates, boundaries). */
export function ChildKey({ depth, children }: { depth: number; children: ReactNode }): ReactNode {
  return <Fragment key={useContext(LayoutNodesContext).keys[depth]}>{children}</Fragment>;
}

export interface ErrorComponentProps {
  error: Error & { digest?: string };
  reset: () => void;
}

interface ErrorBoundaryState {
  error: (Error & { digest?: string }) | null;
  /** The children that failed. New children (a refreshed server payload) get a fresh try. */
  failedChildren: ReactNode | undefined;
}

/** The `error` file of a segment: catches what its children throw, except notFound() and redirect(). */
export class ErrorBoundary extends Component<{ errorComponent: ComponentType<ErrorComponentProps>; children?: ReactNode }, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, failedChildren: undefined };

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    if (isNotFoundError(error) || readRedirect(error)) throw error;
    return { error: error as Error, failedChildren: undefined };
  }

  static getDerivedStateFromProps(props: { children?: ReactNode }, state: ErrorBoundaryState): Partial<ErrorBoundaryState> | null {
    if (!state.error) return null;
    if (state.failedChildren === undefined) return { failedChildren: props.children };
    return props.children !== state.failedChildren ? { error: null, failedChildren: undefined } : null;
  }

  reset = (): void => this.setState({ error: null, failedChildren: undefined });

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const ErrorComponent = this.props.errorComponent;
    return <ErrorComponent error={error} reset={this.reset} />;
  }
}

/** The `not-found` file of a segment: shown when `notFound()` is thrown below it. */
export class NotFoundBoundary extends Component<{ fallback: ReactNode; children?: ReactNode }, { notFound: boolean }> {
  override state = { notFound: false };

  static getDerivedStateFromError(error: unknown): { notFound: boolean } {
    if (!isNotFoundError(error)) throw error;
    return { notFound: true };
  }

  override componentDidCatch(_error: unknown, _info: ErrorInfo): void {}

  override render(): ReactNode {
    return this.state.notFound ? this.props.fallback : this.props.children;
  }
}
