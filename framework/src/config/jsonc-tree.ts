/**
 * A JSON-with-comments parser that keeps where every value is, so tsconfig.json can be edited by
 * span: its comments, trailing commas and formatting stay as the user wrote them.
 */
export type JsoncNode =
  | { kind: 'object'; start: number; end: number; properties: JsoncProperty[] }
  | { kind: 'array'; start: number; end: number; items: JsoncNode[] }
  | { kind: 'value'; start: number; end: number; value: unknown };

export interface JsoncProperty {
  key: string;
  /** From the key's opening quote to the end of the value. */
  start: number;
  end: number;
  value: JsoncNode;
}

export function parseJsonc(text: string, file: string): JsoncNode {
  let index = 0;
  const fail = (what: string): never => {
    const line = text.slice(0, index).split('\n').length;
    throw new Error(`${file}:${line}: ${what}`);
  };
  const skip = () => {
    for (;;) {
      const rest = /^(?:\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/)/.exec(text.slice(index, index + 10_000));
      if (!rest || rest[0].length === 0) return;
      index += rest[0].length;
    }
  };
  const value = (): JsoncNode => {
    skip();
    const start = index;
    const char = text[index];
    if (char === '{') {
      index++;
      const properties: JsoncProperty[] = [];
      for (skip(); text[index] !== '}'; skip()) {
        if (text[index] !== '"') fail('expected a property name in double quotes');
        const propertyStart = index;
        const key = string();
        skip();
        if (text[index++] !== ':') fail('expected `:` after a property name');
        const node = value();
        properties.push({ key, start: propertyStart, end: node.end, value: node });
        skip();
        if (text[index] === ',') index++;
        else if (text[index] !== '}') fail('expected `,` or `}`');
      }
      index++;
      return { kind: 'object', start, end: index, properties };
    }
    if (char === '[') {
      index++;
      const items: JsoncNode[] = [];
      for (skip(); text[index] !== ']'; skip()) {
        items.push(value());
        skip();
        if (text[index] === ',') index++;
        else if (text[index] !== ']') fail('expected `,` or `]`');
      }
      index++;
      return { kind: 'array', start, end: index, items };
    }
    if (char === '"') return { kind: 'value', start, value: string(), end: index };
    const literal = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(index, index + 64));
    if (!literal) fail(index >= text.length ? 'unexpected end of file' : `unexpected \`${char}\``);
    index += literal![0].length;
    return { kind: 'value', start, end: index, value: JSON.parse(literal![0]) };
  };
  const string = (): string => {
    const match = /^"(?:[^"\\\n]|\\.)*"/.exec(text.slice(index));
    if (!match) fail('unterminated string');
    index += match![0].length;
    return JSON.parse(match![0]) as string;
  };
  const root = value();
  skip();
  if (index < text.length) fail('unexpected text after the end');
  return root;
}

export function propertyOf(node: JsoncNode | undefined, key: string): JsoncProperty | undefined {
  return node?.kind === 'object' ? node.properties.find((property) => property.key === key) : undefined;
}

/** The plain value of a parsed node (what JSON.parse would give for the same text without comments). */
export function jsoncValue(node: JsoncNode): unknown {
  if (node.kind === 'value') return node.value;
  if (node.kind === 'array') return node.items.map(jsoncValue);
  return Object.fromEntries(node.properties.map((property) => [property.key, jsoncValue(property.value)]));
}
