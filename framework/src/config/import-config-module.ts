import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { pathToFileURL } from 'node:url';
import { loadRolldown } from '@nexxo/native';
import { codeFrame } from '../dev/code-frame.js';
import { errorThrownByConfig, NexxoConfigError } from './config-error.js';
import { realPath, type CompiledConfig } from './locate-in-config.js';

/** Where compiled configs are written for the moment it takes to import them. */
export const CONFIG_CACHE_DIR = join('node_modules', '.cache', 'nexxo', 'config');

/**
 * Compiles the config file and its relative imports into one ESM module and imports it, returning
 * its namespace. Every config goes through Rolldown, not only TypeScript ones: a syntax error then
 * gets a line and column (Node reports none for ESM), CommonJS `module.exports` configs work, and
 * the relative imports are fresh on every load (Node would cache them across dev restarts).
 */
export async function importConfigModule(configFile: string, root: string): Promise<{ exports: Record<string, unknown>; compiled: CompiledConfig }> {
  const label = relative(root, configFile);
  // The copy lives under the app's node_modules so its bare imports resolve as the original's would.
  // A random name per load: two processes loading one app must not delete each other's copy, and
  // Node's module cache never hands back an older config. A real path, as stack frames show it.
  const file = join(realPath(root), CONFIG_CACHE_DIR, `${randomBytes(8).toString('hex')}.mjs`);
  const compiled = { file, sourceMap: await compile(configFile, file, root) };
  // Stack traces then point into the original source. Left on: the dev server turns it on anyway,
  // and plugins from the config run later in the build and deserve readable stacks too.
  process.setSourceMapsEnabled(true);
  try {
    return { exports: (await import(pathToFileURL(file).href)) as Record<string, unknown>, compiled };
  } catch (error) {
    throw errorThrownByConfig(error, { root, label, compiled, during: 'loading it' });
  } finally {
    rmSync(file, { force: true });
  }
}

async function compile(configFile: string, outFile: string, root: string): Promise<SourceMap> {
  // Outside the try: a missing engine is its own error (NativeEngineError), not a mistake in the config.
  const { rolldown } = await loadRolldown();
  let bundle: Awaited<ReturnType<typeof rolldown>> | undefined;
  try {
    bundle = await rolldown({
      input: configFile,
      cwd: root,
      platform: 'node',
      // Packages stay imports, resolved from the app's node_modules when the copy runs.
      external: (id) => !id.startsWith('.') && !isAbsolute(id) && !id.startsWith('\0'),
      // The copy runs from node_modules/.cache, so file-relative values must be the original's.
      transform: { define: fileScopeDefines(configFile) },
      logLevel: 'silent',
    });
    const { output } = await bundle.write({ file: outFile, format: 'esm', sourcemap: 'inline' });
    return new SourceMap(JSON.parse(output[0].map!.toString()) as SourceMapPayload);
  } catch (error) {
    throw compileError(error, configFile, root);
  } finally {
    await bundle?.close();
  }
}

/**
 * `import.meta.url`, `__dirname` and friends as the config file sees them. Defines replace only
 * unbound names, so a config's own `const __dirname = …` is left alone; a module the config
 * imports from another folder sees the config's folder (a known, rare gap).
 */
function fileScopeDefines(configFile: string): Record<string, string> {
  const url = JSON.stringify(pathToFileURL(configFile).href);
  const file = JSON.stringify(configFile);
  const dir = JSON.stringify(dirname(configFile));
  return { 'import.meta.url': url, 'import.meta.filename': file, 'import.meta.dirname': dir, __filename: file, __dirname: dir };
}

interface RolldownDiagnostic {
  message?: string;
  loc?: { file?: string; line: number; column: number };
}

/** Rolldown's diagnostics (syntax errors, unresolved relative imports) as file:line:column and a frame. */
function compileError(error: unknown, configFile: string, root: string): NexxoConfigError {
  const diagnostics = ((error as { errors?: RolldownDiagnostic[] }).errors ?? [error as RolldownDiagnostic]).slice(0, 5);
  const problems = diagnostics.map((diagnostic) => describeDiagnostic(diagnostic, configFile, root));
  const label = relative(root, configFile);
  return new NexxoConfigError(`Could not compile ${label}:\n\n${problems.join('\n\n')}\n\nFix the code above and run the command again.`, {
    cause: error,
    problems,
  });
}

function describeDiagnostic(diagnostic: RolldownDiagnostic, configFile: string, root: string): string {
  // Rolldown's message is "[CODE] text" followed by its own drawing of the code; keep the text.
  const text = (diagnostic.message ?? String(diagnostic)).split('\n')[0]!.replace(/^\[[A-Z_]+\]\s*/, '');
  const loc = diagnostic.loc;
  if (!loc) return text;
  const file = loc.file ?? configFile;
  const column = loc.column + 1;
  return `${relative(root, file)}:${loc.line}:${column}: ${text}\n\n${frameOf(file, loc.line, column)}`;
}

function frameOf(file: string, line: number, column: number): string {
  try {
    return codeFrame(readFileSync(file, 'utf8'), line, column);
  } catch {
    return '';
  }
}
