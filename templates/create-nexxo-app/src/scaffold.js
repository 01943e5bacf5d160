// @ts-check
import { copyFileSync, mkdirSync, readdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findTemplate } from './templates.js';
import { versions } from './versions.js';
import { runScript } from './package-manager.js';

const templatesDir = fileURLToPath(new URL('../templates/', import.meta.url));

/**
 * @typedef {object} ScaffoldOptions
 * @property {string} root  the app's folder, absolute; created when missing
 * @property {string} name  the package name (already validated)
 * @property {string} template
 * @property {boolean} tailwind
 * @property {'node' | 'vercel' | 'cloudflare'} deploy
 * @property {'npm' | 'pnpm' | 'yarn' | 'bun'} packageManager
 */

/**
 * Writes a new app into `options.root`: the shared files, the template's files (its Tailwind or
 * CSS Modules variant), then package.json, nexxo.config.ts and README.md for the choices made.
 * @param {ScaffoldOptions} options
 */
export function scaffold(options) {
  const template = findTemplate(options.template);
  if (!template) throw new Error(`Unknown template "${options.template}".`);
  const tailwind = options.tailwind && template.tailwind !== 'none';
  mkdirSync(options.root, { recursive: true });
  copyDirectory(join(templatesDir, 'shared'), options.root);
  copyDirectory(join(templatesDir, template.name, 'common'), options.root);
  if (template.tailwind === 'styled') copyDirectory(join(templatesDir, template.name, tailwind ? 'tailwind' : 'css'), options.root);
  if (tailwind) {
    writeFileSync(join(options.root, 'postcss.config.mjs'), `export default {\n  plugins: {\n    '@tailwindcss/postcss': {},\n  },\n};\n`);
    if (template.tailwind === 'added') {
      // The template is styled with CSS Modules; Tailwind's utilities come on top for your own code.
      const globals = join(options.root, 'app', 'globals.css');
      writeFileSync(globals, `@import "tailwindcss";\n\n${readFileSync(globals, 'utf8')}`);
    }
  }
  writeFileSync(join(options.root, 'package.json'), `${JSON.stringify(packageJson(options, template.dependencies, tailwind), null, 2)}\n`);
  writeFileSync(join(options.root, 'nexxo.config.ts'), nexxoConfig(options.deploy));
  if (options.deploy === 'cloudflare') writeFileSync(join(options.root, '.dev.vars.example'), devVarsExample(options.packageManager));
  const notesFile = join(templatesDir, template.name, 'NOTES.md');
  const notes = existsSync(notesFile) ? readFileSync(notesFile, 'utf8').trim() : '';
  writeFileSync(join(options.root, 'README.md'), readme(options, notes, tailwind));
}

/**
 * Copies a folder's files; files named `gitignore` become `.gitignore` (npm leaves `.gitignore`
 * files out of published packages).
 * @param {string} from
 * @param {string} to
 */
function copyDirectory(from, to) {
  if (!existsSync(from)) return;
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const target = join(to, entry.name === 'gitignore' ? '.gitignore' : entry.name);
    if (entry.isDirectory()) copyDirectory(join(from, entry.name), target);
    else copyFileSync(join(from, entry.name), target);
  }
}

/**
 * @param {ScaffoldOptions} options
 * @param {string[]} extraDependencies
 * @param {boolean} tailwind
 */
function packageJson(options, extraDependencies, tailwind) {
  /** @param {string[]} names */
  const pick = (names) => Object.fromEntries(names.sort().map((name) => [name, /** @type {Record<string, string>} */ (versions)[name]]));
  /** @type {Record<string, string>} */
  const scripts = { dev: 'nexxo dev', build: 'nexxo build', start: 'nexxo start', typecheck: 'tsc --noEmit' };
  const devDependencies = ['typescript', '@types/node', '@types/react', '@types/react-dom'];
  if (tailwind) devDependencies.push('tailwindcss', '@tailwindcss/postcss');
  if (options.deploy === 'cloudflare') {
    devDependencies.push('wrangler');
    // wrangler reads .dev.vars next to the config it is given, and the build deletes .nexxo/ (and
    // with it anything put there): copy the app's .dev.vars after the build. Local KV/R2/D1 data
    // goes to the app's .wrangler/state for the same reason.
    scripts.preview = `nexxo build && ${copyDevVars} && wrangler dev --config ${wranglerConfig} --persist-to .wrangler/state`;
    scripts.deploy = `nexxo build && wrangler deploy --config ${wranglerConfig}`;
  }
  // The Vercel CLI is not a dependency: most Vercel apps deploy from Git, where it is not needed.
  if (options.deploy === 'vercel') scripts.deploy = 'nexxo build && npx vercel deploy --prebuilt';
  return {
    name: options.name,
    version: '0.1.0',
    private: true,
    type: 'module',
    scripts,
    dependencies: pick(['nexxo', 'react', 'react-dom', ...extraDependencies]),
    devDependencies: pick(devDependencies),
    engines: { node: '>=20.19' },
  };
}

/** Where the Cloudflare adapter writes the Worker's config (docs/deploy/cloudflare.md). */
const wranglerConfig = '.nexxo/cloudflare/wrangler.jsonc';
/** Plain `node -e` (built-in modules are globals there), so the script runs in any shell. */
const copyDevVars = `node -e "fs.existsSync('.dev.vars') && fs.copyFileSync('.dev.vars', '.nexxo/cloudflare/.dev.vars')"`;

/** @param {ScaffoldOptions['packageManager']} packageManager */
function devVarsExample(packageManager) {
  return `# Secrets for local runs on workerd (${runScript(packageManager, 'preview')}): copy this file to .dev.vars
# (git-ignored; never commit secrets) and fill it in. The preview script copies .dev.vars next to the
# generated .nexxo/cloudflare/wrangler.jsonc, where wrangler reads it. In production, set secrets with
# \`npx wrangler secret put NAME -c .nexxo/cloudflare/wrangler.jsonc\`. Read them in server code with
# getPlatformEnv() from nexxo/cloudflare.
# API_TOKEN=
`;
}

/** @param {'node' | 'vercel' | 'cloudflare'} deploy */
function nexxoConfig(deploy) {
  const adapter =
    deploy === 'node'
      ? `  // \`nexxo start\` serves the build on Node. Set adapter: 'node' to also write .nexxo/standalone/\n  // (runs with \`node server.js\`, no install: for containers), or 'vercel' or 'cloudflare'.\n`
      : `  // \`nexxo build\` also writes what ${deploy === 'vercel' ? 'Vercel runs (.vercel/output, Build Output API v3)' : 'Cloudflare Workers runs (a Worker, its assets and wrangler.jsonc)'}.\n  adapter: '${deploy}',\n`;
  return `import { defineConfig } from 'nexxo';\n\n// basePath, redirects, rewrites, headers, env, images, alias, plugins: see Nexxo's config guide.\nexport default defineConfig({\n${adapter}});\n`;
}

/**
 * @param {ScaffoldOptions} options
 * @param {string} notes  the template's own section
 * @param {boolean} tailwind
 */
function readme(options, notes, tailwind) {
  const run = (/** @type {string} */ script) => runScript(options.packageManager, script);
  const deploy = {
    node: `\`${run('build')}\` then \`${run('start')}\` serves the app on Node 20.19 or later, with this folder's \`node_modules/\` (port 3000 or \`PORT\`; it listens on \`localhost\` unless \`HOSTNAME\` or \`--hostname\` says otherwise, e.g. \`0.0.0.0\`).

For a container or a server without \`npm install\`: \`npx nexxo build --adapter node\` writes \`.nexxo/standalone/\`, a folder that runs with \`node server.js\` and nothing else (it listens on \`0.0.0.0\`). The Nexxo repository's \`docker/Dockerfile\` builds a small image from it for apps installed with npm: copy it to \`docker/Dockerfile\` and \`docker/.dockerignore\` to \`.dockerignore\`, then \`docker build -f docker/Dockerfile -t my-app .\` and \`docker run -p 3000:3000 my-app\`.`,
    vercel: `\`nexxo.config.ts\` sets \`adapter: 'vercel'\`, so \`${run('build')}\` also writes \`.vercel/output\` (Build Output API v3). Link the project once with \`npx vercel link\`, then \`${run('deploy')}\` builds and uploads a preview deployment (\`npx vercel deploy --prebuilt\`); for production: \`npx nexxo build && npx vercel deploy --prebuilt --prod\`. Routes run on the Edge runtime; one that needs Node.js modules exports \`runtime = 'nodejs'\`.`,
    cloudflare: `\`nexxo.config.ts\` sets \`adapter: 'cloudflare'\`, so \`${run('build')}\` also writes a Worker, its assets and a \`wrangler.jsonc\` into \`.nexxo/cloudflare/\`. \`${run('preview')}\` builds and runs it locally on workerd, keeping local data in \`.wrangler/state\`; \`${run('deploy')}\` builds and deploys it (log in once with \`npx wrangler login\`).

Bindings (KV, R2, D1, \`vars\`) go in a \`wrangler.jsonc\` in this folder, which the build merges into the generated one; server code reads them with \`getPlatformEnv()\` from \`nexxo/cloudflare\`. Secrets for \`${run('preview')}\`: copy \`.dev.vars.example\` to \`.dev.vars\`.`,
  }[options.deploy];
  return `# ${options.name}

A [Nexxo](https://www.npmjs.com/package/nexxo) app, created with \`create-nexxo-app\` from the **${options.template}** template${options.template === 'api' ? '' : tailwind ? ', styled with Tailwind CSS v4' : ', styled with CSS Modules'}.

## Develop

\`\`\`sh
${run('dev')}        # http://localhost:3000, with Fast Refresh
${run('build')}      # production build into .nexxo/
${run('start')}      # serve the build
${run('typecheck')}  # TypeScript, without emitting
\`\`\`

${notes ? `${notes}\n\n` : ''}## Deploy

${deploy}

## Learn more

Nexxo follows the Next.js App Router: \`app/\` holds layouts, pages, route handlers and metadata
files; components are server components unless they start with \`"use client"\`. Nexxo's guides
cover the App Router, CSS (CSS Modules, Tailwind), metadata and Open Graph images, and
\`nexxo.config\`.
`;
}
