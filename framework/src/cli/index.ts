#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { reportError } from './report-error.js';

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const help = `nexxo ${version}

Usage:
  nexxo dev [dir] [--port N] [--hostname H]       Develop the app in dir: compile on demand, Fast Refresh
            [--force]                             (--force: clear the persistent cache first)
  nexxo build [dir] [--adapter A]                 Build the app in dir (default: .) into dir/.nexxo;
                                                  --adapter node|vercel|cloudflare writes its output too
  nexxo start [dir] [--port N] [--hostname H]     Serve the build (default port 3000, host localhost)
  nexxo analyze [dir] [--open]                    Build, then write a treemap of the client and server
                                                  bundles to dir/.nexxo/analyze/index.html
                                                  (--open: open it in a browser; ignored in CI)
  nexxo migrate [dir] [--dry-run] [--yes]         Convert the Next.js App Router project in dir in place
            [--force] [--rewrite-imports]         and report what is left to do (exit 1 if something blocks)
                                                  (--dry-run: print the diff, write nothing; --yes: go
                                                  ahead outside git; --force: also with uncommitted
                                                  changes; --rewrite-imports: next/* → nexxo/*)

Options:
  -p, --port       Port to listen on (env PORT)
  -H, --hostname   Host to bind (env HOSTNAME); use 0.0.0.0 to expose it
  -h, --help       Show this help
  -v, --version    Show the version`;

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string', short: 'p' },
      hostname: { type: 'string', short: 'H' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
      force: { type: 'boolean' },
      adapter: { type: 'string' },
      open: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      yes: { type: 'boolean', short: 'y' },
      'rewrite-imports': { type: 'boolean' },
    },
  });
  const [command, dirArgument = '.'] = positionals;
  if (values.version) return console.log(version);
  if (values.help || !command) return console.log(help);
  // The app's folder is the working directory, as tools expect: Tailwind scans its sources from
  // there, a PostCSS config resolves its paths from there.
  const dir = resolve(dirArgument);
  if (['dev', 'build', 'start', 'analyze'].includes(command)) {
    try {
      process.chdir(dir);
    } catch {
      throw new UsageError(`The app folder ${dirArgument} does not exist.`);
    }
  }
  switch (command) {
    case 'dev':
      if (values.port !== undefined && !/^\d+$/.test(values.port)) throw new UsageError(`--port must be a whole number from 0 to 65535, not "${values.port}".`);
      // Each command loads only its own modules: `nexxo dev` must be listening as soon as possible.
      return (await import('./dev-command.js')).devCommand(dir, { port: values.port ?? process.env.PORT, hostname: values.hostname ?? process.env.HOSTNAME, force: values.force ?? false });
    case 'build':
      if (values.adapter !== undefined && !['node', 'vercel', 'cloudflare'].includes(values.adapter)) throw new UsageError(`--adapter must be node, vercel or cloudflare, not "${values.adapter}".`);
      return (await import('./build-command.js')).buildCommand(dir, values.adapter ? { adapter: values.adapter } : {});
    case 'start':
      if (values.port !== undefined && !/^\d+$/.test(values.port)) throw new UsageError(`--port must be a whole number from 0 to 65535, not "${values.port}".`);
      return (await import('./start-command.js')).startCommand(dir, { port: values.port ?? process.env.PORT, hostname: values.hostname ?? process.env.HOSTNAME });
    case 'analyze':
      return (await import('./analyze-command.js')).analyzeCommand(dir, { open: values.open ?? false });
    case 'migrate': {
      const options = { dryRun: values['dry-run'] ?? false, yes: values.yes ?? false, force: values.force ?? false, rewriteImports: values['rewrite-imports'] ?? false };
      process.exitCode = (await (await import('../migrate/migrate-command.js')).migrateCommand(dir, options)).exitCode;
      return;
    }
    default:
      throw new UsageError(`Unknown command "${command}".\n\n${help}`);
  }
}

class UsageError extends Error {
  readonly code = 'NEXXO_USAGE';
}

main(process.argv.slice(2)).catch((error: unknown) => {
  reportError(error);
  process.exitCode = 1;
});
