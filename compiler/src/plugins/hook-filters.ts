// Hook filters run inside Rolldown: a module or import they reject never calls into JavaScript.
// On a dev rebuild those calls, not the bundling, were most of the time.

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Matches exactly these strings (and nothing when there are none). */
export function exactly(values: string[]): RegExp {
  return values.length === 0 ? /(?!)/ : new RegExp(`^(?:${values.map(escapeRegExp).join('|')})$`);
}

/** Matches relative imports (`./x/name`, `../name`) of files with these names. */
export function relativeImportOf(fileNames: string[]): RegExp {
  return fileNames.length === 0 ? /(?!)/ : new RegExp(`^\\.{1,2}/(?:.*/)?(?:${fileNames.map(escapeRegExp).join('|')})$`);
}
