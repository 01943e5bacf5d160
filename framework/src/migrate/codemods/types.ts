/** One thing a codemod did, or could not do, at a 1-based line of the original source. */
export interface CodemodChange {
  line: number;
  message: string;
}

/**
 * What a codemod returns for one file. `code === source` when nothing changed; `warnings` are
 * places a person has to look at, because rewriting them automatically would mean guessing.
 */
export interface CodemodResult {
  code: string;
  changes: CodemodChange[];
  warnings: CodemodChange[];
}
