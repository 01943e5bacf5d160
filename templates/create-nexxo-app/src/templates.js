// @ts-check

/**
 * @typedef {object} TemplateInfo
 * @property {string} name
 * @property {string} description  one line, shown in `--help` and the template prompt
 * @property {'styled' | 'added' | 'none'} tailwind
 *   styled: the template has a Tailwind variant (`tailwind/`) and a CSS Modules variant (`css/`);
 *   added: it is styled with CSS Modules, and `--tailwind` sets Tailwind up beside them;
 *   none: no pages to style (`--tailwind` is ignored).
 * @property {string[]} dependencies  names beyond nexxo, react and react-dom (see versions.js)
 */

/** @type {TemplateInfo[]} */
export const templates = [
  { name: 'default', description: 'a landing page: server and client components, a route handler, metadata', tailwind: 'styled', dependencies: [] },
  { name: 'minimal', description: 'one layout, one page', tailwind: 'styled', dependencies: [] },
  { name: 'blog', description: 'Markdown posts prerendered with generateStaticParams, RSS feed, Open Graph images', tailwind: 'added', dependencies: ['marked'] },
  { name: 'dashboard', description: 'route groups, nested layouts, loading and error states, a table filtered by the URL', tailwind: 'added', dependencies: [] },
  { name: 'api', description: 'route handlers only: a JSON API', tailwind: 'none', dependencies: [] },
];

export const templateNames = templates.map((template) => template.name);

/** @param {string} name */
export function findTemplate(name) {
  return templates.find((template) => template.name === name);
}

export const deployTargets = /** @type {const} */ (['node', 'vercel', 'cloudflare']);
export const packageManagers = /** @type {const} */ (['npm', 'pnpm', 'yarn', 'bun']);
