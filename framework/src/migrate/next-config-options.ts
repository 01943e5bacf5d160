import type { ImagesConfig, NexxoConfig } from '../config/config-types.js';
import { NEXT_ONLY_IMAGE_OPTIONS, NEXT_ONLY_OPTIONS } from '../config/next-options.js';
import { child, children, nameOf, stringValue, unwrapExpression, type Node } from './estree.js';
import type { MigrationReport } from './report.js';
import { commentsBetween, quoteLike, textAt } from './source-text.js';

/** Options copied as written: Nexxo takes them in Next.js's shape. */
const COPIED = new Set<keyof NexxoConfig>(['basePath', 'trailingSlash', 'redirects', 'rewrites', 'headers', 'env', 'serverExternalPackages', 'pageExtensions']);

/** The image options Nexxo accepts; typed by ImagesConfig, so a new option fails to compile until it is listed. */
const IMAGE_OPTIONS: Record<keyof ImagesConfig, true> = {
  deviceSizes: true, imageSizes: true, formats: true, qualities: true, minimumCacheTTL: true, dangerouslyAllowSVG: true,
  dangerouslyAllowLocalIP: true, contentSecurityPolicy: true, contentDispositionType: true, remotePatterns: true,
  localPatterns: true, maximumRedirects: true, maximumResponseBody: true, unoptimized: true, loader: true, loaderFile: true, path: true,
};

/** Options that only tune Next.js's own tooling or output: nothing changes without them. */
const NO_EFFECT = new Set([
  'reactStrictMode', 'poweredByHeader', 'eslint', 'typescript', 'devIndicators', 'compress', 'generateEtags', 'onDemandEntries',
  'logging', 'typedRoutes', 'cleanDistDir', 'staticPageGenerationTimeout', 'allowedDevOrigins', 'excludeDefaultMomentLocales',
]);
const NO_EFFECT_EXPERIMENTAL = new Set(['typedRoutes', 'typedEnv', 'mdxRs', 'turbo', 'webpackBuildWorker', 'optimizePackageImports']);

export interface OptionsContext {
  source: string;
  /** The next.config file, for the report. */
  file: string;
  report: MigrationReport;
  lineOf(node: Node): number;
  /** Indentation of a property in the new file. */
  indent: string;
}

export interface ConvertedOptions {
  /** Property texts for the new config object, in the original order, without trailing commas. */
  properties: string[];
  /** The option names carried over, for the report. */
  carried: string[];
}

/**
 * Turns a next.config object into nexxo.config properties: supported options copied by span (so
 * `async redirects() { … }` stays as written), moved ones renamed, the rest reported: dropped when
 * they have no effect under Nexxo, unsupported (blocking or not) otherwise.
 */
export function convertOptions(object: Node, context: OptionsContext): ConvertedOptions {
  const { source, indent } = context;
  const out: ConvertedOptions = { properties: [], carried: [] };
  const external: string[] = [];
  let externalAt = -1;
  let previousEnd = object.start + 1;
  for (const property of children(object, 'properties')) {
    const comments = commentsBetween(source, previousEnd, property.start).map((line) => `${line}\n${indent}`).join('');
    previousEnd = property.end;
    const emit = (text: string, name: string) => {
      out.properties.push(comments + text);
      out.carried.push(name);
    };
    if (property.type === 'SpreadElement' || property.computed === true) {
      emit(textAt(source, property, indent), source.slice(property.start, property.end));
      context.report.attention(context.file, `\`${source.slice(property.start, property.end)}\` was copied as is: check that it holds only options Nexxo accepts (see docs/config.md), or nexxo.config.ts will not load.`, context.lineOf(property));
      continue;
    }
    const key = nameOf(child(property, 'key'));
    const value = child(property, 'value')!;
    if (key === null) continue;
    if (key === 'serverExternalPackages') {
      externalAt = out.properties.length;
      external.push(...elementsOf(value, source));
    } else if (COPIED.has(key as keyof NexxoConfig)) {
      emit(textAt(source, property, indent), key);
    } else if (key === 'images') {
      const images = convertImages(property, context);
      if (images) emit(images, 'images');
    } else if (key === 'experimental') {
      const moved = convertExperimental(value, context);
      if (moved.external.length > 0) {
        externalAt = externalAt === -1 ? out.properties.length : externalAt;
        external.push(...moved.external);
      }
      if (moved.serverActions) emit(moved.serverActions, 'serverActions (from experimental.serverActions)');
    } else if (key === 'output') {
      const adapter = convertOutput(value, context);
      if (adapter) emit(adapter, "adapter: 'node' (from output: 'standalone')");
    } else {
      reportDropped(key, value, `\`${key}\``, context);
    }
  }
  if (external.length > 0) {
    out.properties.splice(externalAt === -1 ? out.properties.length : externalAt, 0, `serverExternalPackages: [${external.join(', ')}]`);
    out.carried.push('serverExternalPackages');
  }
  return out;
}

/** An array's element texts; anything else spread into one. */
function elementsOf(value: Node, source: string): string[] {
  const array = unwrapExpression(value);
  if (array.type === 'ArrayExpression') return children(array, 'elements').map((element) => source.slice(element.start, element.end));
  return [`...${source.slice(value.start, value.end)}`];
}

function reportDropped(key: string, value: Node, label: string, context: OptionsContext): void {
  const { file, report } = context;
  const line = context.lineOf(value);
  if (NO_EFFECT.has(key)) return report.attention(file, `${label} has no effect under Nexxo; dropped.`, line);
  if (key === 'webpack') {
    return report.blocking(file, `${label} ${NEXT_ONLY_OPTIONS.webpack}. It was left out; move what it does to nexxo.config.ts.`, line);
  }
  if (key === 'turbopack') {
    const rules = unwrapExpression(value).type !== 'ObjectExpression' || children(unwrapExpression(value), 'properties').some((property) => nameOf(child(property, 'key')) === 'rules');
    const message = `${label} ${NEXT_ONLY_OPTIONS.turbopack}. It was left out.`;
    // Loader rules change what imports mean (an SVG as a component): without them the app breaks.
    return rules ? report.blocking(file, message, line) : report.attention(file, message, line);
  }
  if (key === 'i18n') {
    return report.blocking(file, `${label} configures Next.js's i18n routing (Pages Router only), which Nexxo does not support. Use a \`[lang]\` dynamic segment in app/ and middleware for locale detection instead.`, line);
  }
  const known = NEXT_ONLY_OPTIONS[key];
  report.attention(file, known ? `${label} ${known}. It was left out.` : `${label} is not an option Nexxo knows; it was left out.`, line);
}

function convertImages(property: Node, context: OptionsContext): string | null {
  const { source, indent, file, report } = context;
  const value = unwrapExpression(child(property, 'value')!);
  if (value.type !== 'ObjectExpression') {
    report.attention(file, '`images` was copied as is: it is not an object literal, so its options could not be checked against what Nexxo accepts.', context.lineOf(property));
    return textAt(source, property, indent);
  }
  const inner = `${indent}  `;
  const kept: string[] = [];
  const hosts: string[] = [];
  let remotePatterns: Node | null = null;
  for (const option of children(value, 'properties')) {
    const key = nameOf(child(option, 'key'));
    const optionValue = child(option, 'value');
    if (key && key in IMAGE_OPTIONS) {
      if (key === 'remotePatterns' && unwrapExpression(optionValue!).type === 'ArrayExpression') remotePatterns = option;
      else kept.push(textAt(source, option, inner));
      continue;
    }
    const line = context.lineOf(option);
    const domains = key === 'domains' && optionValue ? children(unwrapExpression(optionValue), 'elements').map(stringValue) : [];
    if (key === 'domains' && domains.length > 0 && domains.every((host) => host !== null)) {
      hosts.push(...domains.map((host) => `{ hostname: ${quoteLike(source, host!)} }`));
      report.changed(file, '`images.domains` became `images.remotePatterns` (any protocol, any path on those hosts).');
    } else if (key && key in NEXT_ONLY_IMAGE_OPTIONS) {
      report.attention(file, `\`images.${key}\` ${NEXT_ONLY_IMAGE_OPTIONS[key]}. It was left out.`, line);
    } else {
      report.attention(file, `\`images.${key ?? source.slice(option.start, option.end)}\` is not an image option Nexxo knows; it was left out.`, line);
    }
  }
  if (remotePatterns || hosts.length > 0) {
    const elements = remotePatterns ? children(unwrapExpression(child(remotePatterns, 'value')!), 'elements') : [];
    const existing = elements.map((element) => `${inner}  ${textAt(source, element, `${inner}  `)}`);
    const all = [...existing, ...hosts.map((host) => `${inner}  ${host}`)];
    kept.push(`remotePatterns: [\n${all.join(',\n')},\n${inner}]`);
  }
  if (kept.length === children(value, 'properties').length && !hosts.length) return textAt(source, property, indent);
  if (kept.length === 0) return null;
  return `images: {\n${kept.map((text) => `${inner}${text},`).join('\n')}\n${indent}}`;
}

/** `experimental` keys Nexxo has as options of its own, moved out; the rest reported. */
function convertExperimental(value: Node, context: OptionsContext): { external: string[]; serverActions: string | null } {
  const { source, file, report } = context;
  const object = unwrapExpression(value);
  const moved = { external: [] as string[], serverActions: null as string | null };
  if (object.type !== 'ObjectExpression') {
    report.attention(file, '`experimental` is not an object literal, so it was left out; move the options Nexxo supports by hand.', context.lineOf(value));
    return moved;
  }
  for (const option of children(object, 'properties')) {
    const key = nameOf(child(option, 'key'));
    const optionValue = child(option, 'value')!;
    const line = context.lineOf(option);
    if (key === 'serverComponentsExternalPackages') {
      moved.external.push(...elementsOf(optionValue, source));
      report.changed(file, '`experimental.serverComponentsExternalPackages` became `serverExternalPackages`.');
    } else if (key === 'serverActions') {
      moved.serverActions = convertServerActions(optionValue, context);
    } else if (key && NO_EFFECT_EXPERIMENTAL.has(key)) {
      report.attention(file, `\`experimental.${key}\` has no effect under Nexxo; dropped.`, line);
    } else {
      report.attention(file, `\`experimental.${key ?? '…'}\` is a Next.js experimental flag that Nexxo does not have; it was left out.`, line);
    }
  }
  return moved;
}

function convertServerActions(value: Node, context: OptionsContext): string | null {
  const { source, indent, file, report } = context;
  const object = unwrapExpression(value);
  if (object.type !== 'ObjectExpression') {
    report.attention(file, '`experimental.serverActions` is not an object literal; move `bodySizeLimit` and `allowedOrigins` to `serverActions` by hand.', context.lineOf(value));
    return null;
  }
  const kept: string[] = [];
  for (const option of children(object, 'properties')) {
    const key = nameOf(child(option, 'key'));
    if (key === 'bodySizeLimit' || key === 'allowedOrigins') kept.push(`${indent}  ${textAt(source, option, `${indent}  `)},`);
    else report.attention(file, `\`experimental.serverActions.${key ?? '…'}\` is not an option Nexxo has; it was left out.`, context.lineOf(option));
  }
  report.changed(file, '`experimental.serverActions` became `serverActions`.');
  return kept.length > 0 ? `serverActions: {\n${kept.join('\n')}\n${indent}}` : null;
}

function convertOutput(value: Node, context: OptionsContext): string | null {
  const { file, report } = context;
  const output = stringValue(unwrapExpression(value));
  const line = context.lineOf(value);
  if (output === 'standalone') {
    report.changed(file, "`output: 'standalone'` became `adapter: 'node'`: `nexxo build` writes .nexxo/standalone/, run it with `node .nexxo/standalone/server.js`.");
    return "adapter: 'node'";
  }
  if (output === 'export') {
    report.blocking(file, "`output: 'export'` (a static export with no server) is not supported by Nexxo. Deploy with `nexxo start`, the Node standalone output (`adapter: 'node'`), or the vercel or cloudflare adapter.", line);
    return null;
  }
  report.attention(file, "`output` was left out: Nexxo knows only `output: 'standalone'` (written as `adapter: 'node'`). Choose an adapter in nexxo.config.ts if you need one.", line);
  return null;
}
