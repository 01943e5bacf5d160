// Plain data, imported by a server component: it never reaches the browser's JavaScript.
export const features = [
  {
    title: 'Server components',
    body: 'This page is one. It reads data on the server and sends HTML, with no JavaScript for the parts that do not need it.',
    file: 'app/page.tsx',
  },
  {
    title: 'Client components',
    body: 'A file that starts with "use client" hydrates in the browser: state, effects, event handlers.',
    file: 'components/counter.tsx',
  },
  {
    title: 'Route handlers',
    body: 'Export GET or POST from a route.ts and answer with a Web Response. The "Call /api/hello" button above calls one.',
    file: 'app/api/hello/route.ts',
  },
  {
    title: 'Metadata',
    body: 'Export metadata from a layout or page; the title, description and icon land in <head>.',
    file: 'app/layout.tsx',
  },
];
