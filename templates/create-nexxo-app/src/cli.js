// @ts-check
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { basename, relative, resolve } from 'node:path';
import colors from 'picocolors';
import { helpText, parseArgs, UsageError } from './parse-args.js';
import { suggestPackageName, validatePackageName } from './validate-name.js';
import { detectPackageManager, runScript } from './package-manager.js';
import { findTemplate } from './templates.js';
import { scaffold } from './scaffold.js';

const version = /** @type {{ version: string }} */ (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))).version;

/** Files a fresh repository or an editor may leave in a folder; they do not make it "not empty". */
const ignorableFiles = new Set(['.git', '.DS_Store', 'Thumbs.db', '.idea', '.vscode', 'LICENSE', '.gitattributes']);

/**
 * Runs `create-nexxo-app` and returns the exit code.
 * @param {string[]} argv
 * @returns {Promise<number>}
 */
export async function main(argv) {
  /** @type {import('./parse-args.js').CliOptions} */
  let given;
  try {
    given = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return fail(error.message);
    throw error;
  }
  if (given.version) return console.log(version), 0;
  if (given.help) return console.log(helpText), 0;

  const interactive = !given.yes && Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const choices = interactive
    ? await (await import('./ask.js')).ask(given, { version })
    : {
        directory: given.directory ?? 'my-nexxo-app',
        template: given.template ?? 'default',
        tailwind: given.tailwind ?? true,
        deploy: given.deploy ?? 'node',
        install: given.install ?? true,
      };
  if (!choices) return 1;

  const root = resolve(choices.directory);
  const name = basename(root);
  const problem = validatePackageName(name);
  if (problem) {
    return fail(
      `Cannot create an app named "${name}": ${problem}\n` +
        `  The name comes from the folder and goes into package.json, where npm requires a valid package name.\n` +
        `  Fix: choose another folder name, e.g. ${colors.cyan(`npm create nexxo-app@latest ${suggestPackageName(name)}`)}`,
    );
  }
  if (existsSync(root)) {
    if (!statSync(root).isDirectory()) return fail(`${choices.directory} exists and is a file. Choose another name for the app's folder.`);
    const entries = readdirSync(root).filter((entry) => !ignorableFiles.has(entry));
    if (entries.length > 0 && !given.force) {
      const proceed = interactive && (await (await import('./ask.js')).confirmNonEmpty(choices.directory));
      if (!proceed) {
        return fail(
          `${choices.directory} is not empty (it has ${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}).\n` +
            `  Fix: choose an empty or new folder, or pass --force to write into it (files with the same names are overwritten).`,
        );
      }
    }
  }

  const packageManager = given.packageManager ?? detectPackageManager();
  const template = /** @type {import('./templates.js').TemplateInfo} */ (findTemplate(choices.template));
  scaffold({ root, name, template: choices.template, tailwind: choices.tailwind, deploy: choices.deploy, packageManager });
  const styling = template.tailwind === 'none' ? '' : choices.tailwind ? ', Tailwind CSS' : ', CSS Modules';
  console.log(`\n${colors.green('✔')} Created ${colors.bold(name)} from the ${colors.cyan(choices.template)} template${styling}, for ${choices.deploy}, in ${root}`);
  if (template.tailwind === 'none' && given.tailwind) console.log(colors.dim('  (--tailwind was ignored: the api template has no pages to style.)'));

  let installed = false;
  if (choices.install) {
    console.log(`\nInstalling dependencies with ${packageManager}…\n`);
    const code = await run(packageManager, ['install'], root);
    installed = code === 0;
    if (!installed) console.error(colors.red(`\n✖ ${packageManager} install failed (exit code ${code}). The app is created; install its dependencies yourself (below).`));
  }

  const cd = relative(process.cwd(), root);
  const steps = [...(cd ? [`cd ${cd.includes(' ') ? JSON.stringify(cd) : cd}`] : []), ...(installed ? [] : [`${packageManager} install`]), runScript(packageManager, 'dev')];
  console.log(`\nNext steps:\n${steps.map((step) => `  ${colors.cyan(step)}`).join('\n')}\n\nThen open ${colors.underline('http://localhost:3000')}. README.md has the rest: build, start, deploy.\n`);
  return choices.install && !installed ? 1 : 0;
}

/** @param {string} message */
function fail(message) {
  console.error(`${colors.red('✖')} ${message}`);
  return 1;
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {string} cwd
 * @returns {Promise<number>}
 */
function run(command, args, cwd) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd, stdio: 'inherit', shell: process.platform === 'win32' });
    child.once('error', () => resolvePromise(127));
    child.once('exit', (code) => resolvePromise(code ?? 1));
  });
}
