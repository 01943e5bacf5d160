import { NexxoBuildError, formatDiagnostic } from './errors.js';

interface Node { type: string; [key: string]: any }

/** TypeScript declarations that leave nothing behind at run time (enums and namespaces do). */
const typeOnlyDeclarations = new Set(['TSInterfaceDeclaration', 'TSTypeAliasDeclaration', 'TSDeclareFunction']);

/** Names bound by a declaration pattern (`const { a, b: [c] } = …` binds a and c). */
function patternNames(pattern: Node | null | undefined, names: string[]): void {
  if (!pattern) return;
  switch (pattern.type) {
    case 'Identifier': names.push(pattern.name); break;
    case 'ObjectPattern':
      for (const property of pattern.properties) patternNames(property.type === 'RestElement' ? property.argument : property.value, names);
      break;
    case 'ArrayPattern': for (const element of pattern.elements) patternNames(element, names); break;
    case 'RestElement': patternNames(pattern.argument, names); break;
    case 'AssignmentPattern': patternNames(pattern.left, names); break;
  }
}

/**
 * Lists the export names of a parsed ES module. `export * from` cannot be listed without resolving
 * the other module, so for a client boundary it is an error with a fix.
 */
export function listExports(program: { body: Node[] }, file: string): string[] {
  const names: string[] = [];
  for (const statement of program.body) {
    if (statement.type === 'ExportDefaultDeclaration') {
      if (statement.declaration?.type !== 'TSInterfaceDeclaration') names.push('default');
    }
    else if (statement.type === 'ExportNamedDeclaration') {
      if (statement.exportKind === 'type') continue;
      const declaration = statement.declaration;
      if (declaration) {
        if (declaration.type === 'VariableDeclaration') for (const d of declaration.declarations) patternNames(d.id, names);
        else if (declaration.id && !declaration.declare && !typeOnlyDeclarations.has(declaration.type)) names.push(declaration.id.name ?? String(declaration.id.value));
      }
      for (const specifier of statement.specifiers ?? []) {
        if (specifier.exportKind === 'type') continue;
        const exported = specifier.exported;
        names.push(exported.type === 'Identifier' ? exported.name : String(exported.value));
      }
    } else if (statement.type === 'ExportAllDeclaration') {
      if (statement.exportKind === 'type') continue;
      if (statement.exported) names.push(statement.exported.name ?? String(statement.exported.value));
      else
        throw new NexxoBuildError(
          'NEXXO_CLIENT_EXPORT_STAR',
          formatDiagnostic(
            file,
            '`export * from` is not supported in a "use client" module: the server must know every export name of a client boundary.',
            'export each name explicitly, e.g. `export { Button, Card } from "./ui"`.',
          ),
          { file },
        );
    }
  }
  return [...new Set(names)];
}
