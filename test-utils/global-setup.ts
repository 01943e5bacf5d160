import { execFileSync } from 'node:child_process';
import { fixtureDir } from './fixtures.js';
import { cli } from './server.js';

/** Builds the shared fixture app once; test files start their own servers on it. */
export default function setup(): void {
  execFileSync(process.execPath, [cli, 'build', fixtureDir('app-router')], { stdio: 'pipe' });
}
