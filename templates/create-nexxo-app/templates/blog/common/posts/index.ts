// Every post, by slug. `?raw` imports a file's text at build time, so the posts are bundled into
// the server code and the app needs no file system at run time (it runs on Workers too).
import helloWorld from './hello-world.md?raw';
import stylingWithCssModules from './styling-with-css-modules.md?raw';
import shippingAnRssFeed from './shipping-an-rss-feed.md?raw';

export const sources: Record<string, string> = {
  'hello-world': helloWorld,
  'styling-with-css-modules': stylingWithCssModules,
  'shipping-an-rss-feed': shippingAnRssFeed,
};
