/**
 * Runs a command in a pseudo-terminal (util-linux `script`), as a user's terminal would, and
 * reports when its output first shows visible text: the first rendered frame. No native
 * module (node-pty) needed. The pty is sized with stty so Ink lays out as in a real terminal.
 */
import { spawn } from 'node:child_process';

const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[()][A-Za-z0-9]|\x1b[=>78]/g;

export const visibleText = (raw) => raw.replace(ANSI, '').replace(/[\x00-\x1f\x7f]/g, '');

const quote = (arg) => `'${String(arg).replaceAll("'", "'\\''")}'`;

/**
 * Starts `argv` in a pty. Returns { ready, output(), write(data), exited, startedAt }:
 * `waitFor(predicate, timeoutMs)` resolves with the time (ms since start) the visible output
 * first satisfied the predicate.
 */
export function startInPty(argv, { env = process.env, cwd, columns = 100, rows = 40 } = {}) {
  const command = `stty cols ${columns} rows ${rows} 2>/dev/null; exec ${argv.map(quote).join(' ')}`;
  const startedAt = performance.now();
  // Measured as a person at a terminal sees it: CI variables would make Ink print only the last frame.
  const { CI: _ci, CONTINUOUS_INTEGRATION: _ci2, ...personal } = env;
  const child = spawn('script', ['-qfec', command, '/dev/null'], { env: { TERM: 'xterm-256color', ...personal }, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  let raw = '';
  const waiters = [];
  const check = () => {
    const text = visibleText(raw);
    for (const waiter of [...waiters]) {
      if (waiter.predicate(text, raw)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        clearTimeout(waiter.timer);
        waiter.resolve(waiter.at ?? performance.now() - startedAt);
      }
    }
  };
  child.stdout.on('data', (chunk) => { raw += chunk.toString('utf8'); check(); });
  child.stderr.on('data', (chunk) => { raw += chunk.toString('utf8'); check(); });
  const exited = new Promise((resolve) => child.on('close', (code) => {
    for (const waiter of waiters.splice(0)) { clearTimeout(waiter.timer); waiter.reject(new Error(`exited (${code}) before the expected output; output was:\n${visibleText(raw).slice(-600)}`)); }
    resolve(code);
  }));
  let running = true;
  exited.then(() => { running = false; });
  return {
    startedAt,
    exited,
    isRunning: () => running,
    output: () => visibleText(raw),
    rawOutput: () => raw,
    write: (data) => child.stdin.write(data),
    kill: () => { if (child.exitCode === null) child.kill('SIGKILL'); },
    waitFor(predicate, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const waiter = { predicate, resolve, reject };
        waiter.timer = setTimeout(() => { waiters.splice(waiters.indexOf(waiter), 1); reject(new Error(`timed out after ${timeoutMs} ms; output was:\n${visibleText(raw).slice(-600)}`)); }, timeoutMs);
        waiters.push(waiter);
        check();
      });
    },
  };
}

/**
 * Time from process start to the first visible output. `expect` (a RegExp) must match that
 * output and `reject` must not, so a crash message is never timed as a frame.
 */
export async function timeToFirstFrame(argv, options = {}) {
  const run = startInPty(argv, options);
  try {
    const ms = await run.waitFor((text) => text.trim().length > 0, options.timeoutMs ?? 15_000);
    if (options.expect) {
      await run.waitFor((text) => options.expect.test(text) || /error/i.test(text), 5_000).catch(() => undefined);
      if (!options.expect.test(run.output()) || options.reject?.test(run.output())) throw new Error(`first frame of ${argv.join(' ')} is not the expected one:\n${run.output().slice(0, 600)}`);
    }
    return ms;
  } finally {
    run.kill();
    await run.exited;
  }
}
