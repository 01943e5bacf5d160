/**
 * `next/*` imports that Nexxo implements: an App Router project's imports resolve to Nexxo
 * without rewriting code. (The complete compatibility layer belongs to `nexxo migrate`.)
 */
export const nextCompatAliases: Record<string, string> = {
  'next/link': 'nexxo/link',
  'next/navigation': 'nexxo/navigation',
  'next/headers': 'nexxo/headers',
};
