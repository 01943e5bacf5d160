// @ts-check
import { basename, resolve } from 'node:path';
import { validatePackageName } from './validate-name.js';
import { deployTargets, findTemplate, templates } from './templates.js';

/**
 * Asks, in the terminal, for every choice the command line left out. Returns null when the user
 * cancels (Ctrl-C or Escape).
 * @param {import('./parse-args.js').CliOptions} given
 * @param {{ version: string }} context
 * @returns {Promise<{ directory: string, template: string, tailwind: boolean, deploy: 'node' | 'vercel' | 'cloudflare', install: boolean } | null>}
 */
export async function ask(given, context) {
  // Loaded only here, so `--yes` and non-interactive runs never pay for it.
  const prompts = await import('@clack/prompts');
  const { default: colors } = await import('picocolors');
  prompts.intro(`${colors.bgCyan(colors.black(' create-nexxo-app '))} ${colors.dim(`v${context.version}`)}`);

  const directory =
    given.directory ??
    (await prompts.text({
      message: 'Where should the app go?',
      placeholder: 'my-nexxo-app',
      defaultValue: 'my-nexxo-app',
      validate(value) {
        const name = basename(resolve(value || 'my-nexxo-app'));
        const problem = validatePackageName(name);
        return problem ? `"${name}" cannot be the app's package name: ${problem}` : undefined;
      },
    }));
  if (prompts.isCancel(directory)) return cancelled(prompts);

  const template =
    given.template ??
    (await prompts.select({
      message: 'Which template?',
      initialValue: 'default',
      options: templates.map((entry) => ({ value: entry.name, label: entry.name, hint: entry.description })),
    }));
  if (prompts.isCancel(template)) return cancelled(prompts);

  let tailwind = given.tailwind ?? true;
  if (given.tailwind === undefined && findTemplate(template)?.tailwind !== 'none') {
    const answer = await prompts.confirm({ message: 'Use Tailwind CSS? (No: CSS Modules)', initialValue: true });
    if (prompts.isCancel(answer)) return cancelled(prompts);
    tailwind = answer;
  }

  const deploy =
    given.deploy ??
    (await prompts.select({
      message: 'Where will it run?',
      initialValue: /** @type {'node' | 'vercel' | 'cloudflare'} */ ('node'),
      options: deployTargets.map((target) => ({
        value: target,
        label: target,
        hint: { node: 'nexxo start, any server or container', vercel: 'Build Output API', cloudflare: 'Workers, with wrangler' }[target],
      })),
    }));
  if (prompts.isCancel(deploy)) return cancelled(prompts);

  const install = given.install ?? (await prompts.confirm({ message: 'Install dependencies now?', initialValue: true }));
  if (prompts.isCancel(install)) return cancelled(prompts);

  return { directory, template, tailwind, deploy, install };
}

/**
 * In a terminal: the folder is not empty; write into it anyway?
 * @param {string} directory
 */
export async function confirmNonEmpty(directory) {
  const prompts = await import('@clack/prompts');
  const answer = await prompts.confirm({ message: `${directory} is not empty. Write the app into it anyway? (Files with the same names are overwritten.)`, initialValue: false });
  return answer === true;
}

/** @param {typeof import('@clack/prompts')} prompts */
function cancelled(prompts) {
  prompts.cancel('Cancelled; nothing was written.');
  return null;
}
