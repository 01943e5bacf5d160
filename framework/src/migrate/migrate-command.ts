import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { terminalConfirm } from './confirm.js';
import { gitState, untrackedOf, type GitState } from './git-state.js';
import { MigrateError } from './migrate-error.js';
import { convertNextConfig, NEXT_CONFIG_FILES } from './next-config.js';
import { nextSteps } from './next-steps.js';
import { migratePackageJson } from './package-json.js';
import { MigrationPlan } from './plan.js';
import { hasAppRouter, isPagesRouterFile, isSourceFile, listProjectFiles } from './project-files.js';
import { reportProjectFeatures } from './project-features.js';
import { MigrationReport } from './report.js';
import { migrateSourceFiles } from './source-files.js';
import { migrateTooling } from './tooling-files.js';

export interface MigrateOptions {
  /** Print the diff and the report; write nothing. */
  dryRun?: boolean;
  /** Go ahead in a folder that is not under git, without asking. */
  yes?: boolean;
  /** Go ahead with uncommitted changes, or outside git, without asking. */
  force?: boolean;
  /** Also point `next/*` imports at `nexxo/*`. */
  rewriteImports?: boolean;
  /** Where the diff and the report go; console.log by default. */
  log?: (text: string) => void;
  /** Asks y/N; by default on the terminal, or null when there is none (then the answer is no). */
  confirm?: ((question: string) => Promise<boolean>) | null;
}

export interface MigrateResult {
  /** 0 when the project should run on Nexxo, 1 when something in the report blocks it. */
  exitCode: 0 | 1;
  plan: MigrationPlan;
  report: MigrationReport;
}

const NEXXO_CONFIG_FILES = ['nexxo.config.ts', 'nexxo.config.mts', 'nexxo.config.js', 'nexxo.config.mjs'];

/**
 * `nexxo migrate [dir]`: converts a Next.js App Router project in place — package.json, the config,
 * TypeScript setup, .gitignore and the source — then prints what changed and what is left to do.
 * Every step adds its edits to one plan, which `--dry-run` prints as a diff and a real run writes.
 *
 * @example
 * const { exitCode, plan } = await migrateCommand('/path/to/next-app', { dryRun: true });
 * plan.diff(); // what a real run would write
 */
export async function migrateCommand(root: string, options: MigrateOptions = {}): Promise<MigrateResult> {
  const log = options.log ?? ((text: string) => console.log(text));
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new MigrateError(`The folder ${root} does not exist. Pass the Next.js project's folder: nexxo migrate path/to/app`);
  const files = await listProjectFiles(root);
  const read = (file: string) => readFile(join(root, file), 'utf8');
  const packageJson = files.includes('package.json') ? await readPackageJson(root) : null;
  const dependsOnNext = Boolean(packageJson?.dependencies?.next ?? packageJson?.devDependencies?.next);
  if (!dependsOnNext && !hasAppRouter(files)) {
    throw new MigrateError(
      `${root} does not look like a Next.js App Router project: its package.json has no \`next\` dependency and there is no app/ or src/app/ folder.\n  Fix: run \`nexxo migrate\` in the project's folder (the one with package.json), or pass it: nexxo migrate path/to/app`,
    );
  }
  if (!hasAppRouter(files) && files.some(isPagesRouterFile)) {
    throw new MigrateError(
      `${root} is a Pages Router project (pages/, no app/): Nexxo runs the App Router only, so nothing was changed.\n  Fix: move the routes to app/ first (https://nextjs.org/docs/app/guides/migrating/app-router-migration), then run \`nexxo migrate\` again.`,
    );
  }
  const git = options.dryRun ? gitStateOrNone(root) : await checkSafety(root, options, log);

  log(`nexxo migrate${options.dryRun ? ' --dry-run (nothing is written)' : ''}\n`);
  const plan = new MigrationPlan();
  const report = new MigrationReport();
  const config = await migrateConfig(files, read, plan, report);
  if (packageJson) {
    const source = await read('package.json');
    plan.change('package.json', source, migratePackageJson(source, { mdxMapped: config.mdx, bundleAnalyzerMapped: config.bundleAnalyzer, dependsOnNext: (name) => packageDependsOnNext(root, name) }, report));
  }
  await migrateTooling({ files: new Set(files), read, plan, report });
  reportProjectFeatures(files, report);
  await migrateSourceFiles(files.filter(isSourceFile), { rewriteImports: options.rewriteImports ?? false, read, plan, report });

  if (options.dryRun) log(plan.diff());
  else await plan.write(root);
  const untracked = git.kind === 'none' || options.dryRun ? [] : untrackedOf(root, plan.files.filter((file) => plan.get(file)!.before !== null));
  const devScript = Object.entries(packageJson?.scripts ?? {}).find(([, script]) => /\bnex(?:t|xo) dev\b/.test(script))?.[0] ?? null;
  log(report.render(nextSteps({ root, plan, git, dryRun: options.dryRun ?? false, blocked: report.blocked, untracked, devScript })));
  return { exitCode: report.blocked ? 1 : 0, plan, report };
}

interface PackageJsonShape {
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

async function readPackageJson(root: string): Promise<PackageJsonShape> {
  try {
    return JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as PackageJsonShape;
  } catch (error) {
    throw new MigrateError(`${join(root, 'package.json')} is not valid JSON (${(error as Error).message}). Fix it and run \`nexxo migrate\` again.`);
  }
}

/** Refuses to rewrite files that git could not give back, unless the user says so. */
async function checkSafety(root: string, options: MigrateOptions, log: (text: string) => void): Promise<GitState> {
  const git = gitState(root);
  if (git.kind === 'dirty' && !options.force) {
    const listed = git.files.slice(0, 5).join(', ') + (git.files.length > 5 ? `, and ${git.files.length - 5} more` : '');
    throw new MigrateError(
      `${root} has changes that are not committed (${listed}). nexxo migrate rewrites files in place, and git is how you undo it.\n  Fix: commit or stash them first (git add -A && git commit -m "Before nexxo migrate"), or pass --force to migrate anyway.`,
    );
  }
  if (git.kind !== 'none' || options.force || options.yes) {
    if (git.kind === 'none') log('Warning: this folder is not under git, so there is no undo for what nexxo migrate changes.\n');
    return git;
  }
  const question = `${root} is not under git, so there will be no undo for the files nexxo migrate rewrites. Continue?`;
  const confirm = options.confirm === undefined ? terminalConfirm() : options.confirm;
  if (!confirm) {
    throw new MigrateError(`${root} is not under git, so there would be no undo for the files nexxo migrate rewrites.\n  Fix: put it under git first (git init && git add -A && git commit -m "Before nexxo migrate"), preview with --dry-run, or pass --yes to migrate without an undo.`);
  }
  if (!(await confirm(question))) throw new MigrateError('Cancelled; nothing was changed.');
  return git;
}

function gitStateOrNone(root: string): GitState {
  try {
    return gitState(root);
  } catch {
    return { kind: 'none' };
  }
}

/** next.config.* → nexxo.config.ts; tells package.json which config plugins went. */
async function migrateConfig(files: string[], read: (file: string) => Promise<string>, plan: MigrationPlan, report: MigrationReport): Promise<{ mdx: boolean; bundleAnalyzer: boolean }> {
  const none = { mdx: false, bundleAnalyzer: false };
  const [nextConfig, ...others] = NEXT_CONFIG_FILES.filter((file) => files.includes(file));
  if (!nextConfig) return none;
  for (const other of others) report.attention(other, `was not converted: ${nextConfig} is the one Next.js reads. Delete it.`);
  const existing = NEXXO_CONFIG_FILES.find((file) => files.includes(file));
  if (existing) {
    report.blocking(nextConfig, `was not converted, since ${existing} exists already. Move its options into ${existing} by hand and delete it.`);
    return none;
  }
  const source = await read(nextConfig);
  const converted = convertNextConfig(source, nextConfig, report);
  if (converted.code === null) return none;
  plan.create('nexxo.config.ts', converted.code);
  plan.remove(nextConfig, source);
  return converted;
}

/** Whether an installed dependency declares `next` as a dependency or peer: it may break without it. */
function packageDependsOnNext(root: string, name: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    return Boolean(manifest.peerDependencies?.next ?? manifest.dependencies?.next);
  } catch {
    return false;
  }
}
