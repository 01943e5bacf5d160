import type { CSSProperties } from 'react';

/**
 * The background that stands in for the image while it loads: the tiny blurDataURL scaled up
 * through an SVG blur, so it reads as a soft preview rather than big pixels. The alpha is made
 * fully opaque after the blur, so the edges do not fade to transparent.
 */
export function blurPlaceholderStyle(options: {
  blurDataURL: string;
  /** The tiny image's size, when known (static imports); else the rendered size. */
  width: number | undefined;
  height: number | undefined;
  objectFit: CSSProperties['objectFit'];
}): CSSProperties {
  const { blurDataURL, width, height } = options;
  const viewBox = width && height ? ` viewBox='0 0 ${width} ${height}'` : '';
  const deviation = width && height ? Math.max(width, height) / 10 : 20;
  const fit = viewBox ? 'none' : options.objectFit === 'contain' ? 'xMidYMid' : 'xMidYMid slice';
  const svg =
    `<svg xmlns='http://www.w3.org/2000/svg'${viewBox}>` +
    `<filter id='b' color-interpolation-filters='sRGB'><feGaussianBlur stdDeviation='${deviation}'/>` +
    `<feComponentTransfer><feFuncA type='discrete' tableValues='1 1'/></feComponentTransfer></filter>` +
    `<image width='100%' height='100%' preserveAspectRatio='${fit}' filter='url(#b)' href='${blurDataURL}'/></svg>`;
  return {
    backgroundSize: options.objectFit === 'contain' ? 'contain' : 'cover',
    backgroundPosition: '50% 50%',
    backgroundRepeat: 'no-repeat',
    backgroundImage: `url("data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}")`,
  };
}
