import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { clientEnvDefines, loadEnv } from './load-env.js';

const appsDir = fileURLToPath(new URL('../../../.cache/test-config/', import.meta.url));
const apps: string[] = [];

// Every variable these tests touch has NXTEST in its name, so cleaning up cannot hit a real one.
afterEach(() => {
  for (const app of apps.splice(0)) rmSync(app, { recursive: true, force: true });
  for (const name of Object.keys(process.env)) if (name.includes('NXTEST')) delete process.env[name];
});

function writeApp(files: Record<string, string>): string {
  mkdirSync(appsDir, { recursive: true });
  const root = mkdtempSync(join(appsDir, 'env-'));
  apps.push(root);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(root, name), content);
  return root;
}

describe('loadEnv', () => {
  it('gives the mode-specific local file precedence over .env.local, .env.[mode] and .env', () => {
    const root = writeApp({
      '.env': 'NXTEST_A=env\nNXTEST_B=env\nNXTEST_C=env\nNXTEST_D=env\n',
      '.env.production': 'NXTEST_A=production\nNXTEST_B=production\nNXTEST_C=production\n',
      '.env.local': 'NXTEST_A=local\nNXTEST_B=local\n',
      '.env.production.local': 'NXTEST_A=production.local\n',
    });
    const { files } = loadEnv(root, 'production');
    expect([process.env.NXTEST_A, process.env.NXTEST_B, process.env.NXTEST_C, process.env.NXTEST_D]).toEqual(['production.local', 'local', 'production', 'env']);
    expect(files).toEqual(['.env.production.local', '.env.local', '.env.production', '.env'].map((name) => join(root, name)));
  });

  it('skips .env.local in test mode', () => {
    const root = writeApp({ '.env': 'NXTEST_A=env\n', '.env.local': 'NXTEST_A=local\n', '.env.test': 'NXTEST_B=test\n' });
    const { files } = loadEnv(root, 'test');
    expect(process.env.NXTEST_A).toBe('env');
    expect(process.env.NXTEST_B).toBe('test');
    expect(files).toEqual([join(root, '.env.test'), join(root, '.env')]);
  });

  it('lets the real environment win over every file', () => {
    process.env.NXTEST_REAL = 'from the shell';
    const root = writeApp({ '.env': 'NXTEST_REAL=from .env\n', '.env.development.local': 'NXTEST_REAL=from .env.development.local\n' });
    loadEnv(root, 'development');
    expect(process.env.NXTEST_REAL).toBe('from the shell');
  });

  it('expands $VAR and ${VAR} from the real environment and the files, with defaults and escapes', () => {
    process.env.NXTEST_HOST = 'example.com';
    const root = writeApp({
      '.env': [
        'NXTEST_URL=https://${NXTEST_HOST}:$NXTEST_PORT/api',
        'NXTEST_PORT=8080',
        'NXTEST_FALLBACK=${NXTEST_MISSING:-none}',
        'NXTEST_SET=${NXTEST_PORT:+has port}',
        'NXTEST_PRICE=\\$5 and \\$NXTEST_PORT',
        'NXTEST_UNKNOWN=[$NXTEST_NOWHERE]',
      ].join('\n'),
      '.env.local': 'NXTEST_PORT=3000\n',
    });
    loadEnv(root, 'development');
    // .env.local's port wins, also inside a value from .env.
    expect(process.env.NXTEST_URL).toBe('https://example.com:3000/api');
    expect(process.env.NXTEST_FALLBACK).toBe('none');
    expect(process.env.NXTEST_SET).toBe('has port');
    expect(process.env.NXTEST_PRICE).toBe('$5 and $NXTEST_PORT');
    expect(process.env.NXTEST_UNKNOWN).toBe('[]');
  });

  it('does not loop on values that refer to each other', () => {
    const root = writeApp({ '.env': 'NXTEST_X=a$NXTEST_Y\nNXTEST_Y=b$NXTEST_X\n' });
    loadEnv(root, 'development');
    expect(process.env.NXTEST_X).toBe('ab');
  });

  it('sees edited and removed values when called again, instead of keeping its own earlier ones', () => {
    const root = writeApp({ '.env': 'NXTEST_EDITED=one\nNXTEST_REMOVED=here\n' });
    loadEnv(root, 'development');
    writeFileSync(join(root, '.env'), 'NXTEST_EDITED=two\n');
    loadEnv(root, 'development');
    expect(process.env.NXTEST_EDITED).toBe('two');
    expect(process.env.NXTEST_REMOVED).toBeUndefined();
  });

  it('returns the public variables from the files and the real environment', () => {
    process.env.NEXT_PUBLIC_NXTEST_SHELL = 'shell';
    const root = writeApp({ '.env': 'NEXXO_PUBLIC_NXTEST_API=https://api.example.com\nNXTEST_SECRET=hunter2\n' });
    const { publicEnv } = loadEnv(root, 'production');
    expect(publicEnv.NEXXO_PUBLIC_NXTEST_API).toBe('https://api.example.com');
    expect(publicEnv.NEXT_PUBLIC_NXTEST_SHELL).toBe('shell');
    expect(Object.keys(publicEnv).every((name) => /^(NEXXO|NEXT)_PUBLIC_/.test(name))).toBe(true);
  });

  it('returns no files for an app without env files', () => {
    expect(loadEnv(writeApp({}), 'production').files).toEqual([]);
  });
});

describe('clientEnvDefines', () => {
  it('defines process.env.X and import.meta.env.X as JSON strings, config env winning', () => {
    expect(clientEnvDefines({ NEXXO_PUBLIC_API: 'https://api', NEXT_PUBLIC_SAME: 'public' }, { NEXT_PUBLIC_SAME: 'config', VERSION: '1.2 "beta"' })).toEqual({
      'process.env.NEXXO_PUBLIC_API': '"https://api"',
      'import.meta.env.NEXXO_PUBLIC_API': '"https://api"',
      'process.env.NEXT_PUBLIC_SAME': '"config"',
      'import.meta.env.NEXT_PUBLIC_SAME': '"config"',
      'process.env.VERSION': '"1.2 \\"beta\\""',
      'import.meta.env.VERSION': '"1.2 \\"beta\\""',
    });
  });

  it('leaves out names that cannot follow process.env. in code', () => {
    expect(clientEnvDefines({ 'NEXT_PUBLIC_A-B': 'x' })).toEqual({});
  });
});
