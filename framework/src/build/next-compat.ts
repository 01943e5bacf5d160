/**
 * `next/*` imports that Nexxo implements: an App Router project's imports resolve to Nexxo
 * without rewriting code. (The complete compatibility layer belongs to `nexxo migrate`.)
 */
export const nextCompatAliases: Record<string, string> = {
  'next/link': 'nexxo/link',
  'next/navigation': 'nexxo/navigation',
  'next/headers': 'nexxo/headers',
  'next/cache': 'nexxo/cache',
  'next/script': 'nexxo/script',
  'next/dynamic': 'nexxo/dynamic',
  'next/font/local': 'nexxo/font/local',
  'next/font/google': 'nexxo/font/google',
  'next/image': 'nexxo/image',
  'next/og': 'nexxo/og',
  'next/server': 'nexxo/server',
};
