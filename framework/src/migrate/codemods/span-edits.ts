interface SpanEdit {
  start: number;
  end: number;
  text: string;
  order: number;
  seq: number;
}

/**
 * Collects replacements and insertions by offset into the original source and applies them in
 * one pass, so everything outside the edited spans stays byte-for-byte as it was.
 *
 * Insertions at the same offset are placed by `order` (lower first), then in the order they were
 * added: a wrapper that opens around an expression uses a negative order, one that closes after
 * it a positive order, so it stays outside whatever else is inserted at that offset.
 */
export class SpanEdits {
  readonly #edits: SpanEdit[] = [];

  get size(): number {
    return this.#edits.length;
  }

  replace(start: number, end: number, text: string): void {
    this.#edits.push({ start, end, text, order: 0, seq: this.#edits.length });
  }

  insert(offset: number, text: string, order = 0): void {
    this.#edits.push({ start: offset, end: offset, text, order, seq: this.#edits.length });
  }

  apply(source: string): string {
    // An insertion at a replacement's start goes before the replaced text.
    const sorted = [...this.#edits].sort((a, b) => a.start - b.start || isReplacement(a) - isReplacement(b) || a.order - b.order || a.seq - b.seq);
    let output = '';
    let cursor = 0;
    for (const edit of sorted) {
      if (edit.start < cursor) throw new Error(`Overlapping codemod edits at offset ${edit.start}; this is a bug in the codemod.`);
      output += source.slice(cursor, edit.start) + edit.text;
      cursor = edit.end;
    }
    return output + source.slice(cursor);
  }
}

function isReplacement(edit: SpanEdit): number {
  return edit.end > edit.start ? 1 : 0;
}
