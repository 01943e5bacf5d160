import { describe, expect, it } from 'vitest';
import { parseModule } from '../parse-module.js';
import { reactRefreshPlugin } from './react-refresh.js';

const plugin = reactRefreshPlugin({ root: '/app', isAppFile: () => true });
const transform = (code: string) => {
  const hook = plugin.transform as { handler: (this: unknown, code: string, id: string) => { code: string } | null };
  return hook.handler.call(null, code, '/app/components/button.tsx')!.code;
};

describe('reactRefreshPlugin', () => {
  it('puts the registration functions after "use client", with or without its semicolon', () => {
    for (const directive of ["'use client';", "'use client'", '"use client"']) {
      const code = transform(`${directive}\nexport function Button() { return null }\n`);
      expect(code.startsWith(directive.replace(/;$/, ''))).toBe(true);
      expect(code).toContain('function $RefreshReg$(type, id) { globalThis.__nexxo_refresh.register(type, "components/button.tsx" + " " + id); }');
      expect(() => parseModule(code, 'button.tsx')).not.toThrow();
    }
  });
});
