import { type AstNode, child, children, nameOf, walk } from './ast.js';
import { type AsyncCodemodContext, recordChange, recordWarning } from './async-context.js';
import { isPromiseType } from './function-edits.js';

/**
 * Turns `params: T` into `params: Promise<T>` in the props types of the target functions: inline
 * type literals, intersections, and interfaces/type aliases declared in the file that nothing
 * else uses. An imported or shared type is left alone with a warning.
 */
export class PropsTypeRewriter {
  readonly #context: AsyncCodemodContext;
  readonly #propsTypes: AstNode[];
  readonly #done = new Set<AstNode>();

  constructor(context: AsyncCodemodContext, propsTypes: AstNode[]) {
    this.#context = context;
    this.#propsTypes = propsTypes;
  }

  rewrite(type: AstNode, keys: string[], codeChanged: boolean): void {
    if (keys.length === 0) return;
    if (type.type === 'TSTypeLiteral') this.#rewriteMembers(children(type, 'members'), keys);
    else if (type.type === 'TSIntersectionType') for (const part of children(type, 'types')) this.rewrite(part, keys, codeChanged);
    else if (type.type === 'TSTypeReference' && child(type, 'typeName')?.type === 'Identifier' && !isPromiseType(type)) this.#rewriteNamed(type, keys, codeChanged);
  }

  #rewriteNamed(reference: AstNode, keys: string[], codeChanged: boolean): void {
    const name = nameOf(child(reference, 'typeName'))!;
    const declaration = this.#findDeclaration(name);
    if (!declaration) {
      // Undeclared names are globals such as Next's generated `PageProps<'/blog/[slug]'>`, which already use Promises.
      if (codeChanged && this.#isImported(name)) recordWarning(this.#context, reference.start, `The props type \`${name}\` is imported, so it was left as it is: make its ${keys.map((key) => `\`${key}\``).join('/')} a \`Promise<…>\` where it is declared.`);
      return;
    }
    if (this.#done.has(declaration)) return;
    this.#done.add(declaration);
    const members = declaration.type === 'TSInterfaceDeclaration' ? children(child(declaration, 'body')!, 'body') : undefined;
    const aliased = declaration.type === 'TSTypeAliasDeclaration' ? child(declaration, 'typeAnnotation') : undefined;
    const sharedBy = this.#sharedBy(name);
    if (sharedBy) {
      if (codeChanged) recordWarning(this.#context, declaration.start, `The props type \`${name}\` ${sharedBy}, so it was left as it is: give the props their own type with ${keys.map((key) => `\`${key}\``).join('/')} as \`Promise<…>\`.`);
      return;
    }
    if (members) this.#rewriteMembers(members, keys);
    else if (aliased) this.rewrite(aliased, keys, codeChanged);
  }

  #rewriteMembers(members: AstNode[], keys: string[]): void {
    for (const member of members) {
      const key = member.type === 'TSPropertySignature' && !member.computed ? nameOf(child(member, 'key')) : undefined;
      const type = child(member, 'typeAnnotation') && child(child(member, 'typeAnnotation')!, 'typeAnnotation');
      if (!key || !keys.includes(key) || !type || isPromiseType(type) || this.#done.has(member)) continue;
      this.#done.add(member);
      this.#context.edits.insert(type.start, 'Promise<');
      this.#context.edits.insert(type.end, '>');
      recordChange(this.#context, member.start, `The \`${key}\` prop type is now \`Promise<…>\`, as Next 16 passes it.`);
    }
  }

  #findDeclaration(name: string): AstNode | undefined {
    for (let statement of children(this.#context.program, 'body')) {
      if (statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration') statement = child(statement, 'declaration') ?? statement;
      if ((statement.type === 'TSInterfaceDeclaration' || statement.type === 'TSTypeAliasDeclaration') && nameOf(child(statement, 'id')) === name) return statement;
    }
    return undefined;
  }

  #isImported(name: string): boolean {
    return children(this.#context.program, 'body').some((statement) => statement.type === 'ImportDeclaration' && children(statement, 'specifiers').some((specifier) => nameOf(child(specifier, 'local')) === name));
  }

  /** Why the type may describe more than these props (so changing it could break other code), if it may. */
  #sharedBy(name: string): string | undefined {
    let shared = false;
    walk(this.#context.program, (node) => {
      if (node.type !== 'TSTypeReference' || nameOf(child(node, 'typeName')) !== name) return;
      if (!this.#propsTypes.some((props) => props.start <= node.start && node.end <= props.end)) shared = true;
    });
    if (shared) return 'is also used outside the props of pages, layouts and route handlers';
    const exported = children(this.#context.program, 'body').some((statement) => statement.type === 'ExportNamedDeclaration' && (nameOf(child(child(statement, 'declaration') ?? statement, 'id')) === name || children(statement, 'specifiers').some((specifier) => nameOf(child(specifier, 'local')) === name)));
    return exported ? 'is exported, and other files may use it' : undefined;
  }
}
