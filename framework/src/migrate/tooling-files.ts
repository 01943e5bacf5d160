import type { MigrationPlan } from './plan.js';
import type { MigrationReport } from './report.js';
import { migrateTsconfig, NEXXO_ENV_DTS } from './tsconfig.js';

export interface ToolingContext {
  files: Set<string>;
  read(file: string): Promise<string>;
  plan: MigrationPlan;
  report: MigrationReport;
}

/** next-env.d.ts → nexxo-env.d.ts, tsconfig.json, .gitignore. */
export async function migrateTooling({ files, read, plan, report }: ToolingContext): Promise<void> {
  const typescript = files.has('tsconfig.json') || files.has('next-env.d.ts');
  if (files.has('next-env.d.ts')) {
    plan.remove('next-env.d.ts', await read('next-env.d.ts'));
    report.changed('next-env.d.ts', 'deleted; nexxo-env.d.ts takes its place.');
  }
  if (typescript && !files.has('nexxo-env.d.ts')) {
    plan.create('nexxo-env.d.ts', NEXXO_ENV_DTS);
    report.changed('nexxo-env.d.ts', "created: references Nexxo's types, and types `next/*` imports as Nexxo's modules.");
  }
  if (files.has('tsconfig.json')) {
    const source = await read('tsconfig.json');
    plan.change('tsconfig.json', source, migrateTsconfig(source, report));
  }
  if (files.has('.gitignore')) {
    const source = await read('.gitignore');
    plan.change('.gitignore', source, addNexxoToGitignore(source));
  } else {
    plan.create('.gitignore', '.nexxo/\n');
  }
  if (plan.has('.gitignore')) report.changed('.gitignore', 'added .nexxo/ (the build output).');
}

/** Adds `.nexxo/` after the `.next/` line (in its style) or at the end; nothing if it is there. */
export function addNexxoToGitignore(source: string): string {
  if (/^\/?\.nexxo\/?\s*$/m.test(source)) return source;
  const newline = source.includes('\r\n') ? '\r\n' : '\n';
  const next = /^(\/?)\.next\/?[ \t]*$/m.exec(source);
  if (next) {
    const end = next.index + next[0].length;
    return `${source.slice(0, end)}${newline}${next[1]}.nexxo/${source.slice(end)}`;
  }
  if (source.trim() === '') return `.nexxo/${newline}`;
  const separator = source.endsWith('\n') ? '' : newline;
  return `${source}${separator}${newline}# nexxo${newline}.nexxo/${newline}`;
}
