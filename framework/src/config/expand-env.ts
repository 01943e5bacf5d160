/**
 * `$VAR` and `${VAR}` references in .env values, as @next/env expands them (dotenv-expand):
 * `${VAR:-default}` / `${VAR-default}` when VAR is unset or empty, `${VAR:+alt}` / `${VAR+alt}`
 * when it is set, and `\$` for a literal dollar sign. A reference reads the real environment
 * first, then the other .env values (themselves expanded); an unknown name becomes `''`.
 */
const REFERENCE = /\\\$|\$(?:\{([^{}]+)\}|([A-Za-z_][A-Za-z0-9_]*))/g;
const OPERATOR = /^([^:+-]+)(:-|-|:\+|\+)(.*)$/s;

export function expandEnv(values: Readonly<Record<string, string>>, environment: NodeJS.ProcessEnv): Record<string, string> {
  const expanded = new Map<string, string>();
  const expanding = new Set<string>();

  function lookup(name: string): string | undefined {
    if (environment[name] !== undefined) return environment[name];
    if (!Object.hasOwn(values, name)) return undefined;
    // A value that refers back to itself (A=$B, B=$A) would never finish; the loop reads as unset.
    if (expanding.has(name)) return undefined;
    if (!expanded.has(name)) {
      expanding.add(name);
      expanded.set(name, expand(values[name]!));
      expanding.delete(name);
    }
    return expanded.get(name);
  }

  function expand(value: string): string {
    return value.replace(REFERENCE, (match, braced: string | undefined, bare: string | undefined) => {
      if (match === '\\$') return '$';
      if (bare !== undefined) return lookup(bare) ?? '';
      const parts = OPERATOR.exec(braced!);
      const operator = parts?.[2];
      const operand = parts?.[3] ?? '';
      const current = lookup((parts?.[1] ?? braced!).trim());
      // dotenv-expand treats `-` like `:-` and `+` like `:+`: an empty value counts as unset.
      if (operator === ':+' || operator === '+') return current ? expand(operand) : '';
      if (operator) return current ? current : expand(operand);
      return current ?? '';
    });
  }

  const result: Record<string, string> = {};
  for (const name of Object.keys(values)) result[name] = lookup(name) ?? '';
  return result;
}
