import { describe, expect, it } from 'vitest';
import { migrateScript } from './package-scripts.js';

describe('migrateScript', () => {
  it('rewrites next dev, build and start', () => {
    expect(migrateScript('dev', 'next dev').script).toBe('nexxo dev');
    expect(migrateScript('build', 'next build').script).toBe('nexxo build');
    expect(migrateScript('start', 'next start').script).toBe('nexxo start');
  });

  it('keeps the port and hostname flags and drops the bundler flags with a note', () => {
    const { script, notes } = migrateScript('dev', 'next dev --turbopack -p 4000 --hostname=0.0.0.0');
    expect(script).toBe('nexxo dev -p 4000 --hostname=0.0.0.0');
    expect(notes).toEqual([{ script: 'dev', message: '`--turbopack` was dropped: Nexxo always bundles with Rolldown.', unsupported: false }]);
  });

  it('drops options nexxo does not have, with their values', () => {
    const { script, notes } = migrateScript('dev', 'next dev --experimental-https-key key.pem --port 3001');
    expect(script).toBe('nexxo dev --port 3001');
    expect(notes[0]!.message).toContain('`--experimental-https-key key.pem` was dropped');
  });

  it('finds next commands after env assignments, cross-env and &&', () => {
    expect(migrateScript('x', 'NODE_OPTIONS=--inspect next dev').script).toBe('NODE_OPTIONS=--inspect nexxo dev');
    expect(migrateScript('x', 'cross-env NODE_ENV=production next build && next start -p $PORT').script).toBe('cross-env NODE_ENV=production nexxo build && nexxo start -p $PORT');
    expect(migrateScript('x', 'npx next build --webpack').script).toBe('npx nexxo build');
  });

  it('leaves other tools whose names start with next alone', () => {
    expect(migrateScript('postbuild', 'next-sitemap').script).toBe('next-sitemap');
  });

  it('keeps next lint and unknown subcommands as written and reports them as unsupported', () => {
    const lint = migrateScript('lint', 'next lint --fix');
    expect(lint.script).toBe('next lint --fix');
    expect(lint.notes[0]).toMatchObject({ script: 'lint', unsupported: true });
    expect(lint.notes[0]!.message).toContain('eslint .');
    expect(migrateScript('info', 'next info').notes[0]!.message).toContain('Nexxo has no `info` command');
  });
});
