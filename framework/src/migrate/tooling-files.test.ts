import { describe, expect, it } from 'vitest';
import { MigrationPlan } from './plan.js';
import { MigrationReport } from './report.js';
import { addNexxoToGitignore, migrateTooling } from './tooling-files.js';

describe('addNexxoToGitignore', () => {
  it('adds .nexxo/ after the .next/ line, in its style, keeping .next/', () => {
    expect(addNexxoToGitignore('/node_modules\n/.next/\n/out/\n')).toBe('/node_modules\n/.next/\n/.nexxo/\n/out/\n');
  });

  it('appends it when there is no .next line, and not twice', () => {
    expect(addNexxoToGitignore('node_modules')).toBe('node_modules\n\n# nexxo\n.nexxo/\n');
    expect(addNexxoToGitignore('.nexxo\n')).toBe('.nexxo\n');
  });
});

describe('migrateTooling', () => {
  it('replaces next-env.d.ts with nexxo-env.d.ts', async () => {
    const plan = new MigrationPlan();
    const files: Record<string, string> = { 'next-env.d.ts': '/// <reference types="next" />\n', '.gitignore': '.next/\n' };
    await migrateTooling({ files: new Set(Object.keys(files)), read: async (file) => files[file]!, plan, report: new MigrationReport() });
    expect(plan.get('next-env.d.ts')).toEqual({ before: files['next-env.d.ts'], after: null });
    expect(plan.get('nexxo-env.d.ts')!.after).toMatch(/^\/\/\/ <reference types="nexxo\/types" \/>\n\/\/\/ <reference types="nexxo\/types\/next" \/>\n/);
    expect(plan.get('.gitignore')!.after).toBe('.next/\n.nexxo/\n');
  });
});
