// The rsc build rewrites "use client" modules to call this. It must be the same
// react-server-dom build that renders (render-page.tsx imports the same module).
export { registerClientReference } from 'react-server-dom-webpack/server.edge';
