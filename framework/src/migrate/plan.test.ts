import { mkdtempSync, readFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MigrationPlan } from './plan.js';

describe('MigrationPlan', () => {
  it('prints changed, new and deleted files as a git-style diff', () => {
    const plan = new MigrationPlan();
    plan.change('package.json', '{\n  "x": 1\n}\n', '{\n  "x": 2\n}\n');
    plan.create('nexxo.config.ts', 'export default {};\n');
    plan.remove('next.config.js', 'module.exports = {};\n');
    plan.change('same.ts', 'a', 'a');
    expect(plan.diff()).toBe(
      [
        'diff --git a/next.config.js b/next.config.js',
        'deleted file mode 100644',
        '--- a/next.config.js',
        '+++ /dev/null',
        '@@ -1 +0,0 @@',
        '-module.exports = {};',
        'diff --git a/nexxo.config.ts b/nexxo.config.ts',
        'new file mode 100644',
        '--- /dev/null',
        '+++ b/nexxo.config.ts',
        '@@ -0,0 +1 @@',
        '+export default {};',
        'diff --git a/package.json b/package.json',
        '--- a/package.json',
        '+++ b/package.json',
        '@@ -1,3 +1,3 @@',
        ' {',
        '-  "x": 1',
        '+  "x": 2',
        ' }',
        '',
      ].join('\n'),
    );
  });

  it('writes new and changed files and deletes removed ones', async () => {
    const root = mkdtempSync(join(tmpdir(), 'nexxo-plan-'));
    try {
      writeFileSync(join(root, 'old.js'), 'x');
      writeFileSync(join(root, 'keep.js'), 'a');
      const plan = new MigrationPlan();
      plan.remove('old.js', 'x');
      plan.change('keep.js', 'a', 'b');
      plan.create('deep/new.ts', 'n');
      await plan.write(root);
      expect(existsSync(join(root, 'old.js'))).toBe(false);
      expect(readFileSync(join(root, 'keep.js'), 'utf8')).toBe('b');
      expect(readFileSync(join(root, 'deep/new.ts'), 'utf8')).toBe('n');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
