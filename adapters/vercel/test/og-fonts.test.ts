import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture } from '../../../test-utils/fixtures.js';
import { cli } from '../../../test-utils/server.js';
import { loadEdgeFunction, type EdgeFunction } from './edge-function.js';

describe("nexxo/og with the app's font file on the Edge function (fixtures/metadata)", () => {
  let root: string;
  let edge: EdgeFunction;
  beforeAll(() => {
    root = copyFixture('metadata');
    execFileSync(process.execPath, [cli, 'build', root, '--adapter', 'vercel'], { encoding: 'utf8', timeout: 120_000 });
    edge = loadEdgeFunction(join(root, '.vercel', 'output', 'functions', 'index.func', 'index.js'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const png = async (path: string) => {
    const response = await edge.fetch(path);
    expect(response.status, path).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    return Buffer.from(await response.arrayBuffer());
  };

  it("draws with the font fetched by fetch(new URL('…', import.meta.url)), not the default font", async () => {
    const withFont = await png('/og-font');
    const withoutFont = await png('/og-font?font=none');
    for (const image of [withFont, withoutFont]) expect([image.readUInt32BE(16), image.readUInt32BE(20)]).toEqual([400, 120]);
    expect(withFont.equals(withoutFont)).toBe(false);
  });
});
