// @ts-check
import { parseArgs as parseNodeArgs } from 'node:util';
import { deployTargets, packageManagers, templateNames, templates } from './templates.js';

/**
 * What the command line asked for. `undefined` means "not given": ask in a terminal, else use the
 * default.
 * @typedef {object} CliOptions
 * @property {string | undefined} directory
 * @property {string | undefined} template
 * @property {boolean | undefined} tailwind
 * @property {'node' | 'vercel' | 'cloudflare' | undefined} deploy
 * @property {boolean | undefined} install
 * @property {'npm' | 'pnpm' | 'yarn' | 'bun' | undefined} packageManager
 * @property {boolean} yes
 * @property {boolean} force
 * @property {boolean} help
 * @property {boolean} version
 */

export class UsageError extends Error {}

export const helpText = `Usage: npm create nexxo-app@latest [directory] [options]

Creates a Nexxo app in [directory]. In a terminal it asks for what you leave out;
otherwise (or with --yes) it uses the defaults.

Options:
  -t, --template <name>         ${templateNames.join(' | ')} (default: default)
      --tailwind, --no-tailwind Style with Tailwind CSS v4, or with CSS Modules (default: --tailwind)
  -d, --deploy <target>         ${deployTargets.join(' | ')} (default: node)
      --no-install              Do not install dependencies
      --package-manager <name>  ${packageManagers.join(' | ')} (default: the one running this command)
  -y, --yes                     Use the defaults for everything not given; ask nothing
  -f, --force                   Write into a directory that is not empty (files with the same
                                names are overwritten; nothing is deleted)
  -h, --help                    Show this help
  -v, --version                 Show the version

Templates:
${templates.map((template) => `  ${template.name.padEnd(10)} ${template.description}`).join('\n')}

Examples:
  npm create nexxo-app@latest my-app
  npm create nexxo-app@latest my-blog -- --template blog --no-tailwind --deploy cloudflare --yes
`;

/**
 * @param {string[]} argv
 * @returns {CliOptions}
 */
export function parseArgs(argv) {
  const optionsSpec = /** @type {const} */ ({
    template: { type: 'string', short: 't' },
    tailwind: { type: 'boolean' },
    'no-tailwind': { type: 'boolean' },
    deploy: { type: 'string', short: 'd' },
    install: { type: 'boolean' },
    'no-install': { type: 'boolean' },
    'package-manager': { type: 'string' },
    yes: { type: 'boolean', short: 'y' },
    force: { type: 'boolean', short: 'f' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'v' },
  });
  const { values, positionals } = (() => {
    try {
      return parseNodeArgs({ args: argv, allowPositionals: true, options: optionsSpec });
    } catch (error) {
      // Node's message already names the option ("Unknown option '--templte'").
      throw new UsageError(`${/** @type {Error} */ (error).message}\nRun create-nexxo-app --help to see the options.`);
    }
  })();
  if (positionals.length > 1) throw new UsageError(`Expected one directory, got ${positionals.length}: ${positionals.join(' ')}.`);
  if (values.tailwind && values['no-tailwind']) throw new UsageError('--tailwind and --no-tailwind were both given; choose one.');
  if (values.install && values['no-install']) throw new UsageError('--install and --no-install were both given; choose one.');
  const template = values.template;
  if (template !== undefined && !templateNames.includes(template)) {
    throw new UsageError(`There is no template "${template}". Choose one of: ${templateNames.join(', ')}.`);
  }
  const deploy = values.deploy;
  if (deploy !== undefined && !(/** @type {readonly string[]} */ (deployTargets).includes(deploy))) {
    throw new UsageError(`--deploy must be ${deployTargets.join(', ')}, not "${deploy}".`);
  }
  const packageManager = values['package-manager'];
  if (packageManager !== undefined && !(/** @type {readonly string[]} */ (packageManagers).includes(packageManager))) {
    throw new UsageError(`--package-manager must be ${packageManagers.join(', ')}, not "${packageManager}".`);
  }
  return {
    directory: positionals[0],
    template,
    tailwind: values.tailwind ? true : values['no-tailwind'] ? false : undefined,
    deploy: /** @type {CliOptions['deploy']} */ (deploy),
    install: values.install ? true : values['no-install'] ? false : undefined,
    packageManager: /** @type {CliOptions['packageManager']} */ (packageManager),
    yes: values.yes ?? false,
    force: values.force ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
  };
}
