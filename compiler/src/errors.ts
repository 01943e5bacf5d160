/**
 * An error a user can cause and fix. The CLI prints `message` without a stack trace: the message
 * already names the file, the reason and the fix.
 */
export class NexxoBuildError extends Error {
  readonly code: string;
  readonly file: string | undefined;
  constructor(code: string, message: string, options: { file?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'NexxoBuildError';
    this.code = code;
    this.file = options.file;
  }
}

/** Formats "file: reason\n  fix" the same way for every diagnostic. */
export function formatDiagnostic(file: string, reason: string, fix: string): string {
  return `${file}: ${reason}\n  Fix: ${fix}`;
}
