// @ts-check
import { builtinModules } from 'node:module';

/**
 * Checks a project name against the rules npm applies to a new package's name, so the created
 * app's package.json is valid and `npm install` accepts it. Returns the problem as a sentence, or
 * null when the name is fine.
 *
 * @example
 * validatePackageName('My App'); // 'a package name must be lowercase: …'
 * @param {string} name
 * @returns {string | null}
 */
export function validatePackageName(name) {
  if (name.length === 0) return 'a package name cannot be empty.';
  if (name.length > 214) return `a package name can be at most 214 characters long; this one has ${name.length}.`;
  if (name.trim() !== name) return 'a package name cannot start or end with spaces.';
  if (name.startsWith('.') || name.startsWith('_')) return `a package name cannot start with "${name[0]}".`;
  if (name.toLowerCase() !== name) return 'a package name must be lowercase.';
  if (/[~'!()*]/.test(name)) return 'a package name cannot contain any of ~ \' ! ( ) *.';
  const scoped = /^@([^/]+)\/([^/]+)$/.exec(name);
  if (name.startsWith('@') && !scoped) return 'a scoped package name looks like @scope/name.';
  const parts = scoped ? [scoped[1] ?? '', scoped[2] ?? ''] : [name];
  for (const part of parts) {
    if (part.startsWith('.') || part.startsWith('_')) return `a package name cannot start with "${part[0]}".`;
    if (encodeURIComponent(part) !== part) return 'a package name can contain only URL-safe characters: letters, digits, "-", "." and "_".';
  }
  if (name === 'node_modules' || name === 'favicon.ico') return `"${name}" is a reserved name.`;
  if (builtinModules.includes(name)) return `"${name}" is the name of a Node.js core module.`;
  return null;
}

/**
 * A valid name close to `name`, to suggest in the error: lowercased, spaces and other characters
 * npm refuses turned into "-".
 * @param {string} name
 */
export function suggestPackageName(name) {
  const suggestion = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9\-._~@/]+/g, '-')
    .replace(/[~]/g, '-')
    .replace(/^[._-]+/, '')
    .replace(/-+$/, '');
  return suggestion && validatePackageName(suggestion) === null ? suggestion : 'my-nexxo-app';
}
