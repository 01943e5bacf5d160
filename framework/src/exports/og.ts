// `nexxo/og`: ImageResponse renders JSX to a PNG (Satori + resvg). Server builds keep this module
// external, so @vercel/og's fonts and WebAssembly load from the package itself.
export { ImageResponse } from '@vercel/og';
export type { ImageResponseOptions } from '@vercel/og';
