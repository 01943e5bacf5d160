import { createHash } from 'node:crypto';
import { relative, sep } from 'node:path';

/** Length of the file part of an action id: the server finds the module to load by it. */
export const ACTION_FILE_KEY_LENGTH = 16;

function keyed(salt: string, text: string, length: number): string {
  return createHash('sha256').update(salt).update('\0').update(text).digest('base64url').slice(0, length);
}

function appPath(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}

/**
 * The part of every action id that names its module. Salted with a secret that changes with every
 * production build, so ids cannot be derived from the source and an old page's ids stop working.
 */
export function actionFileKey(root: string, salt: string, file: string): string {
  return keyed(salt, appPath(root, file), ACTION_FILE_KEY_LENGTH);
}

/** A server action's id: its module's key, then a key of the export, both unguessable without the salt. */
export function actionId(root: string, salt: string, file: string, exportName: string): string {
  return actionFileKey(root, salt, file) + keyed(salt, `${appPath(root, file)}#${exportName}`, 24);
}
