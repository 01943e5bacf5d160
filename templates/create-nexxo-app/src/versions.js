// @ts-check
// The versions a created app depends on. `nexxo` is released together with create-nexxo-app;
// react and react-dom are the versions Nexxo is tested with (framework/package.json). A test
// checks that these agree with the repository.

export const versions = {
  nexxo: '0.1.0',
  react: '19.3.1',
  'react-dom': '19.3.1',
  typescript: '^5.9.3',
  '@types/node': '^20.19.0',
  '@types/react': '^19.2.0',
  '@types/react-dom': '^19.2.0',
  tailwindcss: '^4.3.5',
  '@tailwindcss/postcss': '^4.3.5',
  marked: '^18.2.1',
  // wrangler 4.87 and later refuse to start on Node 20.
  wrangler: '4.86.0',
};
