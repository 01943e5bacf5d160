import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rolldown } from 'rolldown';
import { afterEach, describe, expect, it } from 'vitest';
import { LIVE_ENTRY, liveModules, slotSource } from './live-modules.js';
import { virtualModulesPlugin } from './virtual-modules.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A runtime that reads a generated module when called, and counts how often it was evaluated. */
function runtime(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nexxo-live-modules-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'runtime.js'), "import { greeting } from 'virtual:test/app';\nimport loader from 'virtual:test/loader';\nglobalThis.evaluations = (globalThis.evaluations ?? 0) + 1;\nexport function greet(name) { return `${greeting}, ${name}${loader ? loader() : ''}`; }\n");
  return dir;
}

async function build(dir: string, out: string, greeting: string): Promise<string[]> {
  const generated = { 'virtual:test/app': `export const greeting = ${JSON.stringify(greeting)};`, 'virtual:test/loader': 'export default () => "!";' };
  const live = liveModules(generated, join(dir, 'runtime.js'));
  const bundle = await rolldown({ cwd: dir, input: { index: LIVE_ENTRY }, plugins: [virtualModulesPlugin(live.modules)], logLevel: 'silent' });
  try {
    const stable = (id: string) => (id.startsWith('\0') ? live.slotIds.has(id.slice(1)) : id.startsWith(dir));
    await bundle.write({ dir: join(dir, out), format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', codeSplitting: { groups: [{ name: 'stable', test: stable }] } });
  } finally {
    await bundle.close();
  }
  return readdirSync(join(dir, out));
}

describe('live generated modules', () => {
  it('keeps the runtime in a chunk that stays the same while each build fills in its own values', async () => {
    const dir = runtime();
    const first = await build(dir, 'one', 'Hello');
    const second = await build(dir, 'two', 'Bonjour');
    const stableChunk = first.find((name) => name.startsWith('stable-'))!;
    expect(stableChunk).toBeDefined();
    expect(second).toContain(stableChunk);
    // The second build's files beside the first's (the dev server writes every build to one folder).
    for (const name of readdirSync(join(dir, 'two'))) if (name !== stableChunk) writeFileSync(join(dir, 'one', `two-${name}`), readFileSync(join(dir, 'two', name)));
    const globals = globalThis as { evaluations?: number };
    delete globals.evaluations;
    const one = (await import(pathToFileURL(join(dir, 'one', 'index.js')).href)) as { greet(name: string): string };
    expect(one.greet('Ada')).toBe('Hello, Ada!');
    const two = (await import(pathToFileURL(join(dir, 'one', 'two-index.js')).href)) as { greet(name: string): string };
    expect(two.greet('Ada')).toBe('Bonjour, Ada!');
    expect(globals.evaluations).toBe(1);
  });

  it('gives a slot the export names of its module, default included', async () => {
    const dir = runtime();
    writeFileSync(join(dir, 'slot.js'), slotSource(['default', 'routes']));
    const slot = (await import(pathToFileURL(join(dir, 'slot.js')).href)) as { default: unknown; routes: unknown; __nexxoFill(values: object): void };
    expect(slot.routes).toBeUndefined();
    slot.__nexxoFill({ default: 'loader', routes: ['/'] });
    expect([slot.default, slot.routes]).toEqual(['loader', ['/']]);
  });
});
