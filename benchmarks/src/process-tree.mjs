// Runs a command in its own process group and samples the RSS of the whole process tree from /proc,
// so worker processes and threads a bundler spawns count towards the peak, not just the parent.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

/** RSS in bytes of a process and all its descendants. */
export function treeRss(pid) {
  let total = 0;
  const visit = (id) => {
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${id}/status`, 'utf8'))?.[1] ?? 0) * 1024;
      for (const task of readdirSync(`/proc/${id}/task`)) {
        const children = readFileSync(`/proc/${id}/task/${task}/children`, 'utf8').trim();
        for (const child of children ? children.split(' ') : []) visit(Number(child));
      }
    } catch {
      // the process ended between listing and reading
    }
  };
  visit(pid);
  return total;
}

/** Runs to completion; resolves with wall time (ms), peak tree RSS (bytes) and the output. */
export function runMeasured(command, args, { cwd, env, intervalMs = 25 }) {
  return new Promise((resolveRun, rejectRun) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    let peakRss = 0;
    child.stdout.on('data', (data) => (output += data));
    child.stderr.on('data', (data) => (output += data));
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, treeRss(child.pid))), intervalMs);
    child.on('error', rejectRun);
    child.on('exit', (code) => {
      const wallMs = performance.now() - started;
      clearInterval(sampler);
      if (code !== 0) rejectRun(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`));
      else resolveRun({ wallMs, peakRss, output });
    });
  });
}

/** Stops a detached child and everything it spawned. */
export function stopTree(child) {
  return new Promise((resolveStop) => {
    if (child.exitCode !== null) return resolveStop();
    child.once('exit', resolveStop);
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return resolveStop();
    }
    setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }, 5000).unref();
  });
}
