import type { Plugin } from 'rolldown';
import { createHash } from 'node:crypto';
import { relative, sep } from 'node:path';
import { langOf, scriptFilePattern } from '../client-reference-id.js';
import { leadingDirective, mayHaveInlineServerDirective, readModuleDirective } from '../directives.js';
import { listExports } from '../module-exports.js';
import { actionFileKey, actionId } from '../server-actions/action-id.js';
import { transformInlineActions } from '../server-actions/inline-actions.js';
import { tryParse } from './client-references.js';

export interface ServerActionsOptions {
  /** Secret mixed into every action id and the bound-arguments key; a new one per production build. */
  salt: string;
  /** rsc: module exporting `registerServerActions`, `encryptActionBoundArgs` and `decryptActionBoundArgs`. */
  serverModule: string;
  /** Module exporting `createServerReference(id)` for the ssr build. */
  ssrReferenceModule: string;
  /** Module exporting `createServerReference(id)` for the browser (it calls the server). */
  clientReferenceModule: string;
}

export const SERVER_ACTIONS_MODULE = 'virtual:nexxo/server-actions';

/**
 * "use server": in the rsc build, a module's exports (or the functions marked inline) are registered
 * as server references under unguessable ids; in the ssr and client builds the module is replaced by
 * references that call the server by id, so its code never reaches the browser.
 */
export function serverReferencesPlugin(root: string, environment: 'rsc' | 'ssr' | 'client', options: ServerActionsOptions): Plugin {
  const idOf = (file: string, name: string) => actionId(root, options.salt, file, name);
  return {
    name: 'nexxo:server-references',
    transform: {
      filter: { id: { include: scriptFilePattern, exclude: /^\0/ }, code: 'use server' },
      handler(code, id) {
        const leading = leadingDirective(code);
        // Inline actions are server-component code: only the rsc build looks for them.
        const worthParsing = leading === 'use server' || (environment === 'rsc' && leading !== 'use client' && mayHaveInlineServerDirective(code));
        const program = worthParsing ? tryParse(() => this.parse(code, { lang: langOf(id) })) : null;
        if (!program) return null;
        const directive = readModuleDirective(program);
        if (directive === 'use server') {
          const names = listExports(program, id);
          if (environment !== 'rsc') return { code: referenceModule(names, (name) => idOf(id, name), environment === 'ssr' ? options.ssrReferenceModule : options.clientReferenceModule), map: null, moduleSideEffects: false };
          return { code: code + registration(id, names, (name) => idOf(id, name), relative(root, id).split(sep).join('/'), options.serverModule), map: null };
        }
        // Inline actions belong to server components; in client code React treats the directive as text.
        if (environment !== 'rsc' || directive === 'use client') return null;
        const result = transformInlineActions(code, id, { parse: (source) => this.parse(source, { lang: langOf(id) }), actionId: (name) => idOf(id, name), runtimeModule: options.serverModule });
        if (!result || result.exports.length === 0) return null;
        return { code: result.code + registration(id, result.exports, (name) => idOf(id, name), relative(root, id).split(sep).join('/'), options.serverModule), map: null };
      },
    },
  };
}

/** Appended to a module: registers its actions once its exports exist (the namespace is live). */
function registration(file: string, names: string[], idOf: (name: string) => string, appPath: string, serverModule: string): string {
  const ids = Object.fromEntries(names.map((name) => [name, idOf(name)]));
  return [
    '',
    `import * as $$nexxo_self from ${JSON.stringify(file)};`,
    `import { registerServerActions as $$nexxo_register } from ${JSON.stringify(serverModule)};`,
    `$$nexxo_register($$nexxo_self, ${JSON.stringify(ids)}, ${JSON.stringify(appPath)});`,
    '',
  ].join('\n');
}

/** A "use server" module as the browser and the ssr build see it: one reference per export. */
function referenceModule(names: string[], idOf: (name: string) => string, referenceModule: string): string {
  const lines = [`import { createServerReference } from ${JSON.stringify(referenceModule)};`];
  names.forEach((name, index) => {
    lines.push(`const $$reference${index} = createServerReference(${JSON.stringify(idOf(name))});`);
    lines.push(name === 'default' ? `export default $$reference${index};` : `export { $$reference${index} as ${JSON.stringify(name)} };`);
  });
  return lines.join('\n');
}

/**
 * `virtual:nexxo/server-actions` for the rsc build: every action file by its key, loaded when an
 * action of it is called, and the key that encrypts the values inline actions close over.
 */
export function serverActionsModule(root: string, salt: string, files: string[]): string {
  const entries = files.map((file) => `  ${JSON.stringify(actionFileKey(root, salt, file))}: () => import(${JSON.stringify(file)}),`);
  const key = createHash('sha256').update('nexxo bound arguments\0').update(salt).digest('base64');
  return `export const actionFiles = {\n${entries.join('\n')}\n};\nexport const boundArgsKey = ${JSON.stringify(key)};\n`;
}
