// Only names that can follow `process.env.` in code; `process.env['A-B']` is not replaced anyway.
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * The `transform.define` map that inlines env values into bundles: `process.env.X` and, for
 * people coming from Vite, `import.meta.env.X`, each as a JSON string. Config `env` wins over a
 * public variable of the same name, as in Next.js. Nothing here is secret (public variables and
 * config `env` are meant for the browser), so the map may serve every environment.
 *
 * @example
 * clientEnvDefines({ NEXXO_PUBLIC_API: 'https://api.example.com' }, { VERSION: '1.2' });
 * // { 'process.env.NEXXO_PUBLIC_API': '"https://api.example.com"',
 * //   'import.meta.env.NEXXO_PUBLIC_API': '"https://api.example.com"', 'process.env.VERSION': '"1.2"', … }
 */
export function clientEnvDefines(publicEnv: Readonly<Record<string, string>>, configEnv: Readonly<Record<string, string>> = {}): Record<string, string> {
  const defines: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...publicEnv, ...configEnv })) {
    if (!IDENTIFIER.test(name)) continue;
    const json = JSON.stringify(value);
    defines[`process.env.${name}`] = json;
    defines[`import.meta.env.${name}`] = json;
  }
  return defines;
}
