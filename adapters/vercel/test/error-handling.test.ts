import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, vi } from 'vitest';
import { globalErrorCases, productionErrorCases } from '../../../fixtures/app-router/tests/error-cases.js';
import { copyFixture } from '../../../test-utils/fixtures.js';
import { cli } from '../../../test-utils/server.js';
import { loadEdgeFunction, type EdgeFunction } from './edge-function.js';

/** Builds a copy of a fixture for Vercel and loads its Edge function, logging into `log`. */
function edgeFunctionOf(fixture: string): { root: string; edge: EdgeFunction } {
  const root = copyFixture(fixture);
  execFileSync(process.execPath, [cli, 'build', root, '--adapter', 'vercel'], { encoding: 'utf8', timeout: 120_000 });
  return { root, edge: loadEdgeFunction(join(root, '.vercel', 'output', 'functions', 'index.func', 'index.js')) };
}

let log = '';
// The Edge runtime's console binds the host's console.error when it loads: spy before loading.
const consoleError = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
  log += args.map(String).join(' ') + '\n';
});
afterAll(() => consoleError.mockRestore());

describe('error handling in the Vercel Edge function (fixtures/app-router)', () => {
  let root: string;
  let edge: EdgeFunction;
  beforeAll(() => ({ root, edge } = edgeFunctionOf('app-router')));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  productionErrorCases((path, init) => edge.fetch(path, { redirect: 'manual', ...init }), () => log);
});

describe('global-error in the Vercel Edge function (fixtures/root-layouts)', () => {
  let root: string;
  let edge: EdgeFunction;
  beforeAll(() => ({ root, edge } = edgeFunctionOf('root-layouts')));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  globalErrorCases((path, init) => edge.fetch(path, { redirect: 'manual', ...init }));
});
