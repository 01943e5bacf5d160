import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { GitState } from './git-state.js';
import type { MigrationPlan } from './plan.js';

export interface NextStepsInput {
  root: string;
  plan: MigrationPlan;
  git: GitState;
  dryRun: boolean;
  blocked: boolean;
  /** Files in the plan that existed but git does not track: the undo cannot bring them back. */
  untracked: string[];
  devScript: string | null;
}

/** What to run after the migration, and how to undo it, given how the folder stood in git. */
export function nextSteps({ root, plan, git, dryRun, blocked, untracked, devScript }: NextStepsInput): string[] {
  if (dryRun) return ['Nothing was written. Run `nexxo migrate` without --dry-run to make these changes.'];
  const steps: string[] = [];
  if (blocked) steps.push('Fix the items under "Unsupported / blocking" first; the app will not run until then.');
  steps.push(`${installCommand(root)}   (installs nexxo in place of next)`);
  steps.push(devScript ? `npm run ${devScript}   (runs \`nexxo dev\`)` : 'npx nexxo dev');
  steps.push(...undoSteps(plan, git, untracked));
  return steps;
}

function installCommand(root: string): string {
  if (existsSync(join(root, 'pnpm-lock.yaml'))) return 'pnpm install';
  if (existsSync(join(root, 'yarn.lock'))) return 'yarn install';
  if (existsSync(join(root, 'bun.lock')) || existsSync(join(root, 'bun.lockb'))) return 'bun install';
  return 'npm install';
}

function undoSteps(plan: MigrationPlan, git: GitState, untracked: string[]): string[] {
  if (plan.files.length === 0) return [];
  if (git.kind === 'none') return ['There is no undo: the folder is not under git, so keep the report above if you need to go back.'];
  const created = plan.files.filter((file) => plan.get(file)!.before === null);
  const restorable = plan.files.filter((file) => plan.get(file)!.before !== null && !untracked.includes(file));
  const lost = untracked.length > 0 ? [`  (not tracked by git, so not restored: ${untracked.join(', ')})`] : [];
  if (git.kind === 'clean') {
    // The tree was clean, so every untracked file now is one the migration created.
    return ['To undo everything, in the project folder: git checkout -- . && git clean -fd', ...lost];
  }
  const commands = [restorable.length > 0 ? `git checkout -- ${restorable.join(' ')}` : null, created.length > 0 ? `rm ${created.join(' ')}` : null].filter(Boolean);
  const dirtyTouched = restorable.filter((file) => git.files.some((dirty) => dirty === file || dirty.endsWith(`/${file}`)));
  return [
    `To undo, in the project folder: ${commands.join(' && ')}`,
    ...(dirtyTouched.length > 0 ? [`  (this also drops the changes you had not committed in ${dirtyTouched.join(', ')})`] : []),
    ...lost,
  ];
}
