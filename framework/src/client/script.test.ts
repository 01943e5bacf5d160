import { createElement, type ReactNode } from 'react';
import { renderToReadableStream } from 'react-dom/server.edge';
import { describe, expect, it } from 'vitest';
import { Script } from './script.js';

/** The server HTML of a document whose body holds `children`. */
async function render(children: ReactNode): Promise<string> {
  const stream = await renderToReadableStream(createElement('html', null, createElement('head'), createElement('body', null, children)), { onError: () => {} });
  await stream.allReady;
  return new Response(stream).text();
}

describe('<Script> on the server', () => {
  it('renders a beforeInteractive script into the HTML, where it runs before hydration', async () => {
    const html = await render(createElement(Script, { src: '/before.js', strategy: 'beforeInteractive', id: 'before', nonce: 'abc' }));
    expect(html).toContain('<body><script id="before" nonce="abc" data-nscript="beforeInteractive" src="/before.js"></script></body>');
  });

  it('renders an inline beforeInteractive script from children or dangerouslySetInnerHTML', async () => {
    expect(await render(createElement(Script, { id: 'setup', strategy: 'beforeInteractive', children: 'window.x = 1 < 2;' }))).toContain('<script id="setup" data-nscript="beforeInteractive">window.x = 1 < 2;</script>');
    expect(await render(createElement(Script, { id: 'setup', strategy: 'beforeInteractive', dangerouslySetInnerHTML: { __html: 'window.y = 2;' } }))).toContain('<script id="setup" data-nscript="beforeInteractive">window.y = 2;</script>');
  });

  it('preloads an afterInteractive script in <head> and leaves running it to the browser', async () => {
    const html = await render(createElement(Script, { src: '/after.js' }));
    expect(html).toContain('<head><link rel="preload" href="/after.js" as="script"/></head>');
    expect(html).toContain('<body></body>');
  });

  it('renders nothing for lazyOnload and for inline afterInteractive scripts', async () => {
    expect(await render([createElement(Script, { key: 1, src: '/lazy.js', strategy: 'lazyOnload' }), createElement(Script, { key: 2, id: 'inline', children: 'void 0' })])).toBe('<!DOCTYPE html><html><head></head><body></body></html>');
  });

  it('explains that strategy="worker" is not supported', async () => {
    await expect(render(createElement(Script, { src: '/worker.js', strategy: 'worker' }))).rejects.toThrow('<Script strategy="worker" src="/worker.js"> is not supported by Nexxo: running scripts in a web worker needs Partytown');
  });

  it('requires an id for an inline script', async () => {
    await expect(render(createElement(Script, { children: 'void 0' }))).rejects.toThrow('An inline <Script> needs an `id`');
  });
});
