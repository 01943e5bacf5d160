// Types for `next/*` imports in an app that moved to Nexxo without rewriting them: each module
// has the types of the Nexxo module it resolves to. `nexxo migrate` references this file from
// nexxo-env.d.ts; without migrate, add `/// <reference types="nexxo/types/next" />` yourself.

declare module 'next/link' {
  export * from 'nexxo/link';
  export { default } from 'nexxo/link';
}
declare module 'next/form' {
  export * from 'nexxo/form';
  export { default } from 'nexxo/form';
}
declare module 'next/navigation' {
  export * from 'nexxo/navigation';
}
declare module 'next/headers' {
  export * from 'nexxo/headers';
}
declare module 'next/cache' {
  export * from 'nexxo/cache';
}
declare module 'next/script' {
  export * from 'nexxo/script';
  export { default } from 'nexxo/script';
}
declare module 'next/dynamic' {
  export * from 'nexxo/dynamic';
  export { default } from 'nexxo/dynamic';
}
declare module 'next/font/local' {
  export * from 'nexxo/font/local';
  export { default } from 'nexxo/font/local';
}
declare module 'next/font/google' {
  export * from 'nexxo/font/google';
}
declare module 'next/image' {
  export * from 'nexxo/image';
  export { default } from 'nexxo/image';
}
declare module 'next/og' {
  export * from 'nexxo/og';
}
declare module 'next/server' {
  export * from 'nexxo/server';
}
declare module 'next' {
  export * from 'nexxo';
}

// Next.js 15.5+ generates these per route (`PageProps<'/blog/[slug]'>`). Nexxo's are the same
// shape, with loose params: the route argument is accepted and not checked.
type PageProps<Route extends string = string> = {
  params: Promise<any>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};
type LayoutProps<Route extends string = string> = {
  children: import('react').ReactNode;
  params: Promise<any>;
};
type RouteContext<Route extends string = string> = {
  params: Promise<any>;
};
