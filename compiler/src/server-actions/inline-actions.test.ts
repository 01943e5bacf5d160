import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseAst } from 'rolldown/parseAst';
import { describe, expect, it } from 'vitest';
import { transformInlineActions } from './inline-actions.js';

function transform(code: string, lang: 'tsx' | 'js' = 'tsx', runtimeModule = 'nexxo/internal/action-args') {
  return transformInlineActions(code, `app/page.${lang}`, {
    parse: (source) => parseAst(source, { lang }, `page.${lang}`),
    actionId: (name) => `id-of-${name}`,
    runtimeModule,
  });
}

/** The `[a, b]` closure list each action is bound with, by action name. */
function boundClosures(output: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of output.matchAll(/(\$\$nexxo_action_\d+)\.bind\(null, \$\$nexxo_encrypt\("[^"]*", \[([^\]]*)\]\)\)/g)) found[match[1]!] = match[2]!;
  return found;
}

function errorOf(run: () => unknown): Error & { code?: string } {
  try {
    run();
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected the transform to throw');
}

const page = `import { db } from './db';
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const label: string = 'x';
  async function save(formData: FormData) {
    'use server';
    await db.save(id, label, formData.get('name') as string);
  }
  const remove = async () => { 'use server'; await db.remove(id); };
  return <form action={save}><button formAction={remove}>x</button></form>;
}
`;

describe('transformInlineActions', () => {
  it('hoists the actions of a page and binds the variables they read from the component', () => {
    const result = transform(page)!;
    expect(result.exports).toEqual(['$$nexxo_action_0', '$$nexxo_action_1']);
    expect(result.code).toContain('const save = $$nexxo_action_0.bind(null, $$nexxo_encrypt("id-of-$$nexxo_action_0", [id, label]));');
    expect(result.code).toContain('const remove = $$nexxo_action_1.bind(null, $$nexxo_encrypt("id-of-$$nexxo_action_1", [id]));');
    expect(result.code).toContain('export async function $$nexxo_action_0($$closure, formData: FormData) {\nconst [id, label] = await $$nexxo_decrypt("id-of-$$nexxo_action_0", $$closure);');
    expect(result.code).toContain('export async function $$nexxo_action_1($$closure) {\nconst [id] = await $$nexxo_decrypt("id-of-$$nexxo_action_1", $$closure);');
    expect(result.code.startsWith('import { encryptActionBoundArgs as $$nexxo_encrypt, decryptActionBoundArgs as $$nexxo_decrypt } from "nexxo/internal/action-args";\n')).toBe(true);
    expect(result.code).toContain("await db.save(id, label, formData.get('name') as string);");
    expect(() => parseAst(result.code, { lang: 'tsx' }, 'out.tsx')).not.toThrow();
    expect(result.map.sources).toEqual(['app/page.tsx']);
  });

  it('does not capture module-level bindings or imports', () => {
    const result = transform(page)!;
    expect(Object.values(boundClosures(result.code)).join(',')).not.toContain('db');
  });

  it('captures a variable read through a shorthand property', () => {
    const result = transform(`export function Page() {
  const id = 1;
  const act = async () => { 'use server'; return { id, other: 2 }; };
  return act;
}`)!;
    expect(boundClosures(result.code)).toEqual({ $$nexxo_action_0: 'id' });
  });

  it("captures the component's destructured params", () => {
    const result = transform(`export function Page({ params: { slug }, searchParams = {} }: Props, [first, ...rest]: string[]) {
  const act = async () => { 'use server'; console.log(slug, searchParams, first, rest); };
  return act;
}`)!;
    expect(boundClosures(result.code)).toEqual({ $$nexxo_action_0: 'slug, searchParams, first, rest' });
  });

  it('does not capture names the action declares itself', () => {
    const result = transform(`export function Page({ id, label }: { id: string; label: string }) {
  const act = async (id: string) => {
    'use server';
    const label = 'local';
    const helper = (x: number) => { const inner = x; return inner; };
    try { helper(1); } catch (error) { console.log(error); }
    for (const item of [1]) console.log(item);
    return [id, label];
  };
  return act;
}`)!;
    expect(result.code).toContain('const act = $$nexxo_action_0;');
    expect(result.code).not.toContain('$$nexxo_encrypt');
  });

  it('captures a component referenced as a JSX tag, but not intrinsic tags or attribute names', () => {
    const result = transform(`export function Page() {
  const Row = () => null;
  const ui = { Button: () => null };
  const div = 'not read';
  const render = async () => { 'use server'; return <div title="t"><Row /><ui.Button /></div>; };
  return render;
}`)!;
    expect(boundClosures(result.code)).toEqual({ $$nexxo_action_0: 'Row, ui' });
  });

  it('does not capture names used only as types', () => {
    const result = transform(`export function Page() {
  class Item {}
  type Shape = { kind: string };
  interface Other { item: Item }
  const act = async (input: Item): Promise<Shape> => {
    'use server';
    const items = new Map<string, Item>();
    const shape = { kind: 'x' } satisfies Shape;
    return (items.get('a') as unknown as Shape) ?? shape;
  };
  return act;
}`)!;
    expect(result.code).toContain('const act = $$nexxo_action_0;');
    expect(result.code).not.toContain('$$nexxo_encrypt');
  });

  it('keeps a module-level action function where it is and exports it under an alias', () => {
    const code = `export async function save(data: FormData) {\n  'use server';\n  console.log(data);\n}\nasync function other() { 'use server'; }\n`;
    const result = transform(code)!;
    expect(result.code).toBe(`${code}\nexport { save as $$nexxo_action_0 };\nexport { other as $$nexxo_action_1 };`);
    expect(result.exports).toEqual(['$$nexxo_action_0', '$$nexxo_action_1']);
  });

  it('hoists an anonymous default-exported action', () => {
    const result = transform(`export default async function () { 'use server'; return 1; }\n`)!;
    expect(result.code).toContain('export default $$nexxo_action_0;');
    expect(result.code).toContain("export async function $$nexxo_action_0() { 'use server'; return 1; }");
  });

  it('lets an action call itself by its own name, with the same closure', () => {
    const result = transform(`export function Page({ id }: { id: string }) {
  async function retry(attempt: number) { 'use server'; return attempt > 2 ? id : retry(attempt + 1); }
  return retry;
}`)!;
    expect(boundClosures(result.code)).toEqual({ $$nexxo_action_0: 'id' });
    expect(result.code).toContain('const retry = $$nexxo_action_0.bind(null, $$closure);');
  });

  it('rejects an action that is not async, pointing at it', () => {
    const error = errorOf(() => transform(`export function Page() {\n  function save() { 'use server'; }\n  return save;\n}`));
    expect(error.code).toBe('NEXXO_SERVER_ACTION');
    expect(error.message).toContain('app/page.tsx:2:3');
    expect(error.message).toContain('must be async functions');
    expect(error.message).toContain("`async function save(…) { 'use server'; … }`");
  });

  it('rejects an action nested in another action', () => {
    const error = errorOf(() => transform(`export function Page() {\n  return async () => {\n    'use server';\n    const inner = async () => { 'use server'; };\n  };\n}`));
    expect(error.code).toBe('NEXXO_SERVER_ACTION');
    expect(error.message).toContain('app/page.tsx:4:19');
    expect(error.message).toContain('not supported');
    expect(error.message).toContain('module level');
  });

  it('rejects an action that assigns to a captured variable', () => {
    const error = errorOf(() => transform(`export function Page() {\n  let count = 0;\n  return async () => { 'use server'; count++; };\n}`));
    expect(error.code).toBe('NEXXO_SERVER_ACTION');
    expect(error.message).toContain('app/page.tsx:3:38');
    expect(error.message).toContain('copy of `count`');
    expect(error.message).toContain('local variable');
  });

  it('returns null for a module without inline actions', () => {
    expect(transform(`export function Page() { return null; }`)).toBeNull();
    expect(transform(`export function Page() { const note = 'use server'; return note; }`)).toBeNull();
  });

  it('returns null for a "use server" module', () => {
    expect(transform(`'use server';\nexport async function save() { 'use server'; }`)).toBeNull();
  });

  it('runs: the bound action sees the values captured when the component rendered', async () => {
    const result = transform(
      `const prefix = 'module';
export function Counter({ start }, step) {
  const label = 'count';
  async function report(extra) {
    'use server';
    return [prefix, label, start, step, extra].join(':');
  }
  return report;
}
`,
      'js',
      './runtime.mjs',
    )!;
    const dir = mkdtempSync(join(tmpdir(), 'nexxo-inline-actions-'));
    try {
      writeFileSync(
        join(dir, 'runtime.mjs'),
        'export async function encryptActionBoundArgs(id, args) { return JSON.stringify(args); }\n' +
          'export async function decryptActionBoundArgs(id, encrypted) { return JSON.parse(await encrypted); }\n',
      );
      writeFileSync(join(dir, 'counter.mjs'), result.code);
      const module = await import(pathToFileURL(join(dir, 'counter.mjs')).href);
      const action = module.Counter({ start: 5 }, 2);
      expect(await action('extra')).toBe('module:count:5:2:extra');
      expect(typeof module.$$nexxo_action_0).toBe('function');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
