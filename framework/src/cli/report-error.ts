/**
 * Prints an error for a person: a user's mistake (build diagnostics, usage) as its message only;
 * anything else with its stack, since that is a bug in Nexxo or a dependency.
 */
export function reportError(error: unknown): void {
  const userFacing = findUserFacing(error);
  if (userFacing) {
    console.error(`\n✖ ${userFacing}\n`);
    return;
  }
  console.error(error);
}

function findUserFacing(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  // Errors a user can fix carry a NEXXO_ code (NexxoBuildError, usage errors, adapters' errors).
  // Checked by code, not by class: loading the compiler here would slow every command's start.
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('NEXXO_')) return error.message;
  // Rolldown reports plugin errors in an aggregate; ours carry a formatted message.
  const nested = (error as { errors?: unknown[] }).errors;
  if (Array.isArray(nested) && nested.length > 0) {
    const messages = nested.map((item) => (item instanceof Error || (typeof item === 'object' && item !== null) ? cleanRolldownMessage(String((item as { message?: unknown }).message ?? item)) : String(item)));
    return messages.join('\n\n');
  }
  if (/^\[plugin nexxo:|Build failed with \d+ error/.test(error.message)) return cleanRolldownMessage(error.message);
  return null;
}

function cleanRolldownMessage(message: string): string {
  return message.replace(/^Build failed with \d+ errors?:\n*/, '').replace(/\[plugin nexxo:[\w-]+\]\s*/g, '').replace(/^Error:\s*/gm, '').trim();
}
