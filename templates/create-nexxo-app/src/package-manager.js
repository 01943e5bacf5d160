// @ts-check

/**
 * The package manager that runs this command, from the user agent it sets
 * (`pnpm create nexxo-app` → "pnpm/9.1.0 npm/? node/v20…"); npm when unknown.
 * @param {string | undefined} userAgent
 * @returns {'npm' | 'pnpm' | 'yarn' | 'bun'}
 */
export function detectPackageManager(userAgent = process.env.npm_config_user_agent) {
  const name = userAgent?.split(' ')[0]?.split('/')[0];
  return name === 'pnpm' || name === 'yarn' || name === 'bun' ? name : 'npm';
}

/**
 * How to run a package.json script with this package manager.
 * @param {'npm' | 'pnpm' | 'yarn' | 'bun'} packageManager
 * @param {string} script
 */
export function runScript(packageManager, script) {
  // `pnpm deploy` is pnpm's own command (it copies a workspace package), not the app's script.
  const shortcut = (packageManager === 'pnpm' || packageManager === 'yarn') && !(packageManager === 'pnpm' && script === 'deploy');
  return shortcut ? `${packageManager} ${script}` : `${packageManager} run ${script}`;
}
