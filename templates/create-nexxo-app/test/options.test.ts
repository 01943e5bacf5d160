import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../src/parse-args.js';
import { suggestPackageName, validatePackageName } from '../src/validate-name.js';
import { detectPackageManager, runScript } from '../src/package-manager.js';
import { versions } from '../src/versions.js';

describe('validatePackageName', () => {
  it('accepts ordinary and scoped names', () => {
    expect(validatePackageName('my-app')).toBeNull();
    expect(validatePackageName('@acme/site.v2')).toBeNull();
  });

  it('explains why a name is refused', () => {
    expect(validatePackageName('My App')).toMatch(/lowercase/);
    expect(validatePackageName('my app')).toMatch(/URL-safe/);
    expect(validatePackageName('.hidden')).toMatch(/cannot start with "\."/);
    expect(validatePackageName('http')).toMatch(/core module/);
    expect(validatePackageName('node_modules')).toMatch(/reserved/);
    expect(validatePackageName('a'.repeat(215))).toMatch(/214/);
    expect(validatePackageName('@scope')).toMatch(/@scope\/name/);
  });

  it('suggests a valid name close to an invalid one', () => {
    expect(suggestPackageName('My Cool App')).toBe('my-cool-app');
    expect(suggestPackageName('...')).toBe('my-nexxo-app');
  });
});

describe('parseArgs', () => {
  it('reads every flag', () => {
    expect(parseArgs(['blog', '--template', 'blog', '--no-tailwind', '--deploy', 'cloudflare', '--no-install', '--package-manager', 'pnpm', '--yes', '--force'])).toMatchObject({
      directory: 'blog',
      template: 'blog',
      tailwind: false,
      deploy: 'cloudflare',
      install: false,
      packageManager: 'pnpm',
      yes: true,
      force: true,
    });
  });

  it('leaves what was not given undefined, so the terminal can ask for it', () => {
    expect(parseArgs([])).toMatchObject({ directory: undefined, template: undefined, tailwind: undefined, deploy: undefined, install: undefined });
  });

  it('names the valid values when one is wrong', () => {
    expect(() => parseArgs(['--template', 'shop'])).toThrow('There is no template "shop". Choose one of: default, minimal, blog, dashboard, api.');
    expect(() => parseArgs(['--deploy', 'aws'])).toThrow('--deploy must be node, vercel, cloudflare, not "aws".');
    expect(() => parseArgs(['--templte', 'blog'])).toThrow(/Unknown option '--templte'[\s\S]*--help/);
    expect(() => parseArgs(['--tailwind', '--no-tailwind'])).toThrow(/choose one/);
  });
});

describe('detectPackageManager', () => {
  it('reads the user agent of the package manager that runs it', () => {
    expect(detectPackageManager('pnpm/9.12.0 npm/? node/v20.20.2 linux x64')).toBe('pnpm');
    expect(detectPackageManager('bun/1.2.0 npm/? node/v22.0.0 linux x64')).toBe('bun');
    expect(detectPackageManager(undefined)).toBe('npm');
  });
});

describe('runScript', () => {
  it('uses run where a bare script name would be a command of the package manager', () => {
    expect(runScript('npm', 'dev')).toBe('npm run dev');
    expect(runScript('pnpm', 'dev')).toBe('pnpm dev');
    expect(runScript('pnpm', 'deploy')).toBe('pnpm run deploy'); // `pnpm deploy` copies a workspace package
    expect(runScript('yarn', 'deploy')).toBe('yarn deploy');
    expect(runScript('bun', 'preview')).toBe('bun run preview');
  });
});

describe('versions', () => {
  it('match the versions this repository builds and tests', () => {
    const framework = JSON.parse(readFileSync(new URL('../../../framework/package.json', import.meta.url), 'utf8'));
    const site = JSON.parse(readFileSync(new URL('../../../fixtures/site/package.json', import.meta.url), 'utf8'));
    expect(versions.nexxo).toBe(framework.version);
    expect(versions.react).toBe(framework.devDependencies.react);
    expect(versions['react-dom']).toBe(framework.devDependencies['react-dom']);
    expect(versions.tailwindcss).toBe(`^${site.devDependencies.tailwindcss}`);
  });
});
