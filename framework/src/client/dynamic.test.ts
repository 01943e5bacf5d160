import { createElement, type ReactNode } from 'react';
import { renderToReadableStream } from 'react-dom/server.edge';
import { describe, expect, it } from 'vitest';
import dynamic from './dynamic.js';
import serverDynamic from '../rsc/dynamic.js';

async function render(node: ReactNode): Promise<string> {
  const stream = await renderToReadableStream(node, { onError: () => {} });
  await stream.allReady;
  return new Response(stream).text();
}

const Greeting = ({ name }: { name: string }) => createElement('p', null, `hello ${name}`);
const loading = () => createElement('p', null, 'loading…');

describe('dynamic()', () => {
  it('loads the component on the server by default, with its props', async () => {
    const Loaded = dynamic(async () => ({ default: Greeting }), { loading });
    expect(await render(createElement(Loaded, { name: 'server' }))).toBe('<!--$--><p>hello server</p><!--/$-->');
  });

  it('takes a named export returned by the loader', async () => {
    const Named = dynamic(() => Promise.resolve({ Greeting }).then((module) => module.Greeting));
    expect(await render(createElement(Named, { name: 'named' }))).toBe('<!--$--><p>hello named</p><!--/$-->');
  });

  it('renders only the loading state on the server with ssr: false, and never loads the module there', async () => {
    let loads = 0;
    const BrowserOnly = dynamic(
      async () => {
        loads++;
        return Greeting;
      },
      { ssr: false, loading },
    );
    expect(await render(createElement(BrowserOnly, { name: 'browser' }))).toBe('<p>loading…</p>');
    expect(loads).toBe(0);
  });

  it('accepts the loader in the options object', async () => {
    const Loaded = dynamic({ loader: async () => Greeting });
    expect(await render(createElement(Loaded, { name: 'options' }))).toContain('<p>hello options</p>');
    expect(() => dynamic({})).toThrow("dynamic() needs a loader: dynamic(() => import('./component')).");
  });
});

describe('dynamic() in server components', () => {
  it('loads the component when it renders', async () => {
    const Loaded = serverDynamic(async () => ({ default: Greeting }));
    expect(await render(createElement(Loaded, { name: 'rsc' }))).toBe('<!--$--><p>hello rsc</p><!--/$-->');
  });

  it('refuses ssr: false, which only means something in a client component', () => {
    expect(() => serverDynamic(async () => Greeting, { ssr: false })).toThrow('`ssr: false` is not allowed with `nexxo/dynamic` in server components');
  });
});
