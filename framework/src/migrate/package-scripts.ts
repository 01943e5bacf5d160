/** What happened to one `next …` command inside a script. */
export interface ScriptNote {
  script: string;
  message: string;
  /** The command stays `next …` and will not run once `next` is uninstalled. */
  unsupported: boolean;
}

/** `nexxo dev` and `nexxo start` take these; `nexxo build` takes none of them. */
const SERVER_FLAGS = new Set(['-p', '--port', '-H', '--hostname']);
const BUNDLER_FLAGS = new Set(['--turbopack', '--turbo', '--webpack']);
const SUBCOMMANDS = new Set(['dev', 'build', 'start']);
/** Next.js options that take a value, so the value goes with them instead of passing for the app folder. */
const FLAGS_WITH_VALUE = new Set(['--experimental-https-key', '--experimental-https-cert', '--experimental-https-ca', '--keepAliveTimeout', '--experimental-upload-trace', '--experimental-build-mode', '--debug-build-paths']);
const UNSUPPORTED: Record<string, string> = {
  lint: 'Nexxo has no lint command: run `eslint .` instead (eslint-config-next still works as an ESLint config).',
  export: 'Nexxo has no static export; deploy with `nexxo start`, the Node standalone output or an adapter.',
};

/**
 * Rewrites the `next dev|build|start` commands in one script as `nexxo …`, anywhere in it (after
 * `&&`, `cross-env`, env assignments), keeping the flags Nexxo has. `next lint` and other
 * commands Nexxo lacks stay as written and are reported.
 *
 * @example
 * migrateScript('dev', 'next dev --turbopack -p 4000').script; // 'nexxo dev -p 4000'
 */
export function migrateScript(name: string, script: string): { script: string; notes: ScriptNote[] } {
  const notes: ScriptNote[] = [];
  // A `next` word that starts a command: at the start, or after whitespace or a shell operator.
  const rewritten = script.replace(/(^|[\s;&|(])next(?=\s|$)([^;&|)]*)/g, (whole, before: string, rest: string) => {
    const args = rest.trim().split(/\s+/).filter(Boolean);
    const subcommand = args[0] && !args[0].startsWith('-') ? args.shift()! : 'dev';
    if (!SUBCOMMANDS.has(subcommand)) {
      notes.push({ script: name, message: `\`next ${subcommand}\` was left as it is: ${UNSUPPORTED[subcommand] ?? `Nexxo has no \`${subcommand}\` command.`}`, unsupported: true });
      return whole;
    }
    const kept: string[] = [];
    for (let index = 0; index < args.length; index++) {
      const arg = args[index]!;
      const [flag] = arg.split('=');
      if (BUNDLER_FLAGS.has(arg)) {
        notes.push({ script: name, message: `\`${arg}\` was dropped: Nexxo always bundles with Rolldown.`, unsupported: false });
      } else if (SERVER_FLAGS.has(flag!) && subcommand !== 'build') {
        kept.push(arg);
        if (!arg.includes('=') && args[index + 1] !== undefined) kept.push(args[++index]!);
      } else if (!arg.startsWith('-')) {
        kept.push(arg);
      } else {
        const value = FLAGS_WITH_VALUE.has(arg) && args[index + 1] !== undefined ? ` ${args[++index]!}` : '';
        notes.push({ script: name, message: `\`${arg}${value}\` was dropped: \`nexxo ${subcommand}\` has no such option (see \`nexxo --help\`).`, unsupported: false });
      }
    }
    const trailing = /\s*$/.exec(rest)![0];
    return `${before}nexxo ${[subcommand, ...kept].join(' ')}${trailing}`;
  });
  return { script: rewritten, notes };
}
