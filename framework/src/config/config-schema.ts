import type { NexxoConfig } from './config-types.js';
import type { ImagesConfig } from './image-config-types.js';
import { NEXT_ONLY_IMAGE_OPTIONS, NEXT_ONLY_OPTIONS } from './next-options.js';
import { mdxCheck, pageExtensionsCheck } from './page-extensions.js';
import { remotePatternFromUrl } from './remote-pattern.js';
import { parseByteSize } from './resolve-config.js';
import { all, arrayOf, boolean, func, integer, isPlainObject, mismatch, object, oneOf, recordOf, string, type Check } from './schema-checks.js';

/**
 * The shape of `nexxo.config.*`, as one table per object. The keys here are the options Nexxo
 * accepts; each table is typed by its interface, so an option added to the types fails to compile
 * until it has a check here.
 */

const basePath: Check = (value, at, report) => {
  if (typeof value !== 'string') return mismatch(report, at, "a string such as '/docs' (or '' for none)", value);
  const fix = value.replace(/^\/*/, '/').replace(/\/+$/, '');
  if (value !== '' && !value.startsWith('/')) report.problems.push(`\`${at}\` in ${report.file} must start with \`/\`: use '${fix}', not '${value}'.`);
  else if (value.endsWith('/')) {
    const use = fix === '' ? "leave it out (or use '') for the root" : `use '${fix}', not '${value}'`;
    report.problems.push(`\`${at}\` in ${report.file} must not end with \`/\`: ${use}.`);
  }
};

// Next.js refuses these too: NODE_ENV is the framework's to set, `__` names are its internals.
const envKeys: Check = (value, at, report) => {
  for (const key of Object.keys(value as object)) {
    if (key === 'NODE_ENV' || key.startsWith('__')) report.problems.push(`\`${at}.${key}\` in ${report.file} is not allowed: Nexxo sets NODE_ENV and reserves names starting with \`__\`. Rename it.`);
  }
};

const rolldownPlugin = 'a Rolldown plugin (an object with a `name`)';
const pluginOption: Check = (value, at, report) => {
  if (value === false || value === null || value === undefined) return;
  if (typeof value === 'function') return mismatch(report, at, rolldownPlugin, value, ' Did you pass the plugin factory without calling it (`myPlugin` instead of `myPlugin()`)?');
  if (!isPlainObject(value) || typeof value.name !== 'string') mismatch(report, at, rolldownPlugin, value);
};
const pluginList = arrayOf(pluginOption, 'Rolldown plugins');
const pluginsByEnvironment = object({ all: pluginList, rsc: pluginList, ssr: pluginList, client: pluginList }, 'an object');
const plugins: Check = (value, at, report) => {
  if (Array.isArray(value)) return pluginList(value, at, report);
  if (isPlainObject(value)) return pluginsByEnvironment(value, at, report);
  mismatch(report, at, 'an array of Rolldown plugins, or `{ all, rsc, ssr, client }` with one array each', value);
};

const remotePatternObject = object(
  { protocol: oneOf(['http', 'https']), hostname: string, port: string, pathname: string, search: string },
  "a URL or `{ hostname, protocol?, port?, pathname?, search? }`",
  { required: ['hostname'] },
);
const remotePattern: Check = (value, at, report) => {
  if (typeof value !== 'string' && !(value instanceof URL)) return remotePatternObject(value, at, report);
  if (!remotePatternFromUrl(value)) mismatch(report, at, "an http(s) URL such as 'https://cdn.example.com/images/**'", value);
};

const byteSize: Check = (value, at, report) => {
  if ((typeof value !== 'number' && typeof value !== 'string') || parseByteSize(value) === null) mismatch(report, at, "a size such as '1mb', '500kb' or a number of bytes", value);
};
const serverActions = object({ bodySizeLimit: byteSize, allowedOrigins: arrayOf(string, 'hosts such as "my-proxy.example.com" or "*.example.com"') }, 'an object');

const width = integer(1, 10_000);

const imageChecks: Record<keyof ImagesConfig, Check> = {
  deviceSizes: arrayOf(width, 'widths', { min: 1, max: 25 }),
  imageSizes: arrayOf(width, 'widths', { max: 25 }),
  formats: arrayOf(oneOf(['image/avif', 'image/webp']), 'formats', { max: 2 }),
  qualities: arrayOf(integer(1, 100), 'qualities', { min: 1, max: 20 }),
  minimumCacheTTL: integer(0),
  dangerouslyAllowSVG: boolean,
  dangerouslyAllowLocalIP: boolean,
  contentSecurityPolicy: string,
  contentDispositionType: oneOf(['inline', 'attachment']),
  remotePatterns: arrayOf(remotePattern, 'patterns', { max: 50 }),
  localPatterns: arrayOf(object({ pathname: string, search: string }, '`{ pathname?, search? }`'), 'patterns', { max: 25 }),
  maximumRedirects: integer(0, 20),
  maximumResponseBody: integer(1),
  unoptimized: boolean,
  loader: oneOf(['default', 'imgix', 'cloudinary', 'akamai', 'custom']),
  loaderFile: string,
  path: string,
};
const images = object(imageChecks, 'an object', { nextOnly: NEXT_ONLY_IMAGE_OPTIONS });

const configChecks: Record<keyof NexxoConfig, Check> = {
  basePath,
  trailingSlash: boolean,
  // Functions, as in Next.js: they may read files or fetch, so they run once the config loaded.
  redirects: func,
  rewrites: func,
  headers: func,
  env: all(recordOf(string, 'strings'), envKeys),
  images,
  serverExternalPackages: arrayOf(string, 'package names'),
  alias: recordOf(string, 'paths or package names'),
  plugins,
  serverActions,
  pageExtensions: pageExtensionsCheck,
  mdx: mdxCheck,
  adapter: (value, at, report) => {
    if (value === 'node' || value === 'vercel' || value === 'cloudflare') return;
    if (isPlainObject(value) && typeof value.name === 'string' && typeof value.adapt === 'function') return;
    mismatch(report, at, "'node', 'vercel', 'cloudflare', or an adapter object `{ name, adapt(builder) }`", value);
  },
};
export const configSchema = object(configChecks, 'a config object', { nextOnly: NEXT_ONLY_OPTIONS });
