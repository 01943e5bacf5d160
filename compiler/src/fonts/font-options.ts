/** A mistake in a font loader's options; the plugin adds the file and line (see plugins/fonts.ts). */
export class FontOptionsError extends Error {
  readonly fix: string;
  constructor(reason: string, fix: string) {
    super(reason);
    this.name = 'FontOptionsError';
    this.fix = fix;
  }
}

export const DISPLAY_VALUES = ['auto', 'block', 'swap', 'fallback', 'optional'] as const;
export type FontDisplay = (typeof DISPLAY_VALUES)[number];

export function listOf(values: readonly string[]): string {
  return values.map((value) => `\`${value}\``).join(', ');
}

export function checkDisplay(value: unknown, fontName: string): FontDisplay {
  if (value === undefined) return 'swap';
  if (typeof value === 'string' && (DISPLAY_VALUES as readonly string[]).includes(value)) return value as FontDisplay;
  throw new FontOptionsError(`Invalid display value \`${String(value)}\` for font \`${fontName}\`.\nAvailable display values: ${listOf(DISPLAY_VALUES)}`, "use one of them; the default is 'swap'.");
}

export function checkVariable(value: unknown, fontName: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && /^--[\w-]+$/.test(value)) return value;
  throw new FontOptionsError(`\`variable\` of font \`${fontName}\` must be a CSS custom property name such as '--font-sans', not ${JSON.stringify(value)}.`, "start the name with '--'.");
}

/** A string or an array of strings (`weight: '400'` or `weight: ['400', '700']`), as an array. */
export function stringList(value: unknown, option: string, fontName: string): string[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  if (list.every((item) => typeof item === 'string')) return [...new Set(list as string[])];
  throw new FontOptionsError(`\`${option}\` of font \`${fontName}\` must be a string or an array of strings.`, `write e.g. \`${option}: ['…']\`.`);
}

export function checkKnownOptions(options: Record<string, unknown>, known: readonly string[], fontName: string): void {
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw new FontOptionsError(`Unknown option \`${key}\` for font \`${fontName}\`.\nAvailable options: ${listOf(known)}`, 'remove it, or check its spelling.');
  }
}
