import { parseAst } from 'rolldown/parseAst';
import { langOf } from './client-reference-id.js';

/** Parses a module's source the way the compiler does (ESTree, TS and JSX by file extension). */
export function parseModule(code: string, file: string): unknown {
  return parseAst(code, { lang: langOf(file) });
}
