import { type AstNode, child, children, createLineLocator, nameOf, parseSource, walk } from './ast.js';
import { NEXXO_ROOT_TYPES, supportedReplacement, unsupportedAdvice } from './next-modules.js';
import { SpanEdits } from './span-edits.js';
import type { CodemodChange, CodemodResult } from './types.js';

/** Test-runner calls whose first argument is a module specifier that must follow the imports. */
const MOCK_CALLS: Record<string, ReadonlySet<string>> = {
  vi: new Set(['mock', 'doMock', 'unmock', 'doUnmock', 'importActual', 'importMock']),
  jest: new Set(['mock', 'doMock', 'unmock', 'dontMock', 'requireActual', 'requireMock']),
  require: new Set(['resolve']),
};

/**
 * Points imports of the `next/*` modules Nexxo implements at `nexxo/*`: static and type imports,
 * re-exports, `import()`, `require()`, `import('next').Type` and test mocks. Only the string
 * between the quotes changes. Modules Nexxo does not provide are left as they are and reported
 * as warnings with what to use instead.
 *
 * @example
 * rewriteNextImports(`import Link from 'next/link';`, 'app/page.tsx').code
 * // → `import Link from 'nexxo/link';`
 */
export function rewriteNextImports(source: string, file: string): CodemodResult {
  const program = parseSource(source, file);
  const lineOf = createLineLocator(source);
  const edits = new SpanEdits();
  const changes: CodemodChange[] = [];
  const warnings: CodemodChange[] = [];

  walk(program, (node) => {
    const literal = specifierLiteral(node);
    const specifier = literal && literalValue(literal);
    if (!literal || specifier === undefined || (specifier !== 'next' && !specifier.startsWith('next/'))) return;
    const line = lineOf(literal.start);

    if (specifier === 'next') {
      const problem = rootImportProblem(node);
      if (problem) {
        warnings.push({ line, message: `Kept the import from \`next\`: ${problem}` });
        return;
      }
      edits.replace(literal.start + 1, literal.end - 1, 'nexxo');
      changes.push({ line, message: '`next` → `nexxo`' });
      return;
    }
    const replacement = supportedReplacement(specifier);
    if (replacement) {
      edits.replace(literal.start + 1, literal.end - 1, replacement);
      changes.push({ line, message: `\`${specifier}\` → \`${replacement}\`` });
      return;
    }
    const advice = unsupportedAdvice(specifier) ?? 'find an equivalent among the `next/*` modules Nexxo supports, or remove it';
    warnings.push({ line, message: `\`${specifier}\` is not provided by Nexxo and was left as it is: ${advice}.` });
  });

  return { code: edits.size > 0 ? edits.apply(source) : source, changes, warnings };
}

/** The string literal naming a module in an import-like node, if the node is one. */
function specifierLiteral(node: AstNode): AstNode | undefined {
  switch (node.type) {
    case 'ImportDeclaration':
    case 'ExportNamedDeclaration':
    case 'ExportAllDeclaration':
    case 'ImportExpression':
      return child(node, 'source');
    case 'TSImportType': {
      // oxc puts the specifier in `source`; older ESTree-TS shapes in `argument.literal`.
      const argument = child(node, 'source') ?? child(node, 'argument');
      return argument?.type === 'TSLiteralType' ? child(argument, 'literal') : argument;
    }
    case 'TSExternalModuleReference':
      return child(node, 'expression');
    case 'CallExpression': {
      const callee = child(node, 'callee');
      const takesSpecifier =
        (callee?.type === 'Identifier' && callee.name === 'require') ||
        (callee?.type === 'MemberExpression' && !callee.computed && MOCK_CALLS[nameOf(child(callee, 'object')) ?? '']?.has(nameOf(child(callee, 'property')) ?? '') === true);
      return takesSpecifier ? children(node, 'arguments')[0] : undefined;
    }
    default:
      return undefined;
  }
}

function literalValue(node: AstNode): string | undefined {
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  const quasis = children(node, 'quasis');
  if (node.type === 'TemplateLiteral' && quasis.length === 1) return (quasis[0]!.value as { cooked?: string }).cooked;
  return undefined;
}

/**
 * Why an import from the bare `next` package cannot simply point at `nexxo`, or undefined when it
 * can: `nexxo` exports the metadata types, not Next's other types or any runtime value.
 */
function rootImportProblem(node: AstNode): string | undefined {
  const names: string[] = [];
  if (node.type === 'ImportDeclaration' || node.type === 'ExportNamedDeclaration') {
    const specifiers = children(node, 'specifiers');
    if (node.type === 'ImportDeclaration' && specifiers.length === 0) return 'a side-effect import of `next` has no Nexxo equivalent; remove it.';
    for (const specifier of specifiers) {
      if (specifier.type === 'ImportDefaultSpecifier' || specifier.type === 'ImportNamespaceSpecifier') return `\`nexxo\` has no default or namespace export; import the types you need by name (${[...NEXXO_ROOT_TYPES].join(', ')}).`;
      const name = nameOf(child(specifier, node.type === 'ImportDeclaration' ? 'imported' : 'local'));
      if (name) names.push(name);
    }
  } else if (node.type === 'TSImportType') {
    let qualifier = child(node, 'qualifier');
    while (qualifier?.type === 'TSQualifiedName') qualifier = child(qualifier, 'left');
    const name = nameOf(qualifier);
    if (name) names.push(name);
  } else {
    return `\`nexxo\` exports only types (${[...NEXXO_ROOT_TYPES].join(', ')}) and \`defineConfig\`; there is nothing to load at run time.`;
  }
  const missing = names.filter((name) => !NEXXO_ROOT_TYPES.has(name));
  if (missing.length === 0) return undefined;
  return `\`nexxo\` does not export ${missing.map((name) => `\`${name}\``).join(', ')}${missing.includes('NextConfig') ? ' (the config type is `NexxoConfig`, for `nexxo.config.ts`)' : ''}.`;
}
