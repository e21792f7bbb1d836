/**
 * Runs a command in a real pseudo-terminal through util-linux `script`, as a person would: keys
 * go in as bytes, the screen comes back as terminal output. Works where stdin is not a TTY (CI):
 * the pty gives the program one.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

const CONTROL_SEQUENCE = /\u001b(\[[0-9;?]*[ -/]*[@-~]|\][^\u0007]*\u0007|[()][0-9A-B]|[=>])/g;

/** Terminal output with escape sequences removed and line ends normalised. */
export const plain = (raw: string): string => raw.replace(CONTROL_SEQUENCE, '').replace(/\r/g, '');

export interface TerminalOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly columns?: number;
  readonly rows?: number;
}

const shellQuote = (arg: string): string => `'${arg.replace(/'/g, `'\\''`)}'`;

export class PseudoTerminal {
  raw = '';
  /** Pid of the program itself (the shell execs into it). */
  pid: number | undefined;
  readonly exit: Promise<number | null>;
  private readonly child: ChildProcess;
  private readonly listeners = new Set<() => void>();

  constructor(argv: readonly string[], options: TerminalOptions) {
    if (spawnSync('script', ['--version']).error) throw new Error('the terminal tests need `script` from util-linux (apt-get install bsdutils / util-linux)');
    const command = `stty cols ${options.columns ?? 100} rows ${options.rows ?? 40}; echo "PID=$$"; exec ${argv.map(shellQuote).join(' ')}`;
    // A person at a terminal: without CI variables, which make Ink print only the final frame
    // (CI sets CI=true for the whole run).
    const { CI: _ci, CONTINUOUS_INTEGRATION: _ci2, ...env } = options.env;
    this.child = spawn('script', ['-qefc', command, '/dev/null'], { cwd: options.cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.exit = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
    const take = (chunk: Buffer) => {
      this.raw += chunk.toString('utf8');
      const pid = /PID=(\d+)/.exec(this.raw);
      if (pid && this.pid === undefined) this.pid = Number(pid[1]);
      for (const listener of this.listeners) listener();
    };
    this.child.stdout!.on('data', take);
    this.child.stderr!.on('data', take);
  }

  /** Position in the output, to wait for text that appears after it. */
  mark(): number {
    return this.raw.length;
  }

  /** Plain output since `since`. */
  since(since = 0): string {
    return plain(this.raw.slice(since));
  }

  /**
   * Resolves when the plain output after `since` matches; fails with that output after the
   * timeout. Many seconds by default: a busy machine is slow, but a screen that never comes still fails.
   */
  waitFor(pattern: RegExp | string | ((text: string) => boolean), what: string, since = 0, timeoutMs = 60_000): Promise<string> {
    const matches = () => {
      const text = this.since(since);
      return typeof pattern === 'string' ? text.includes(pattern) : typeof pattern === 'function' ? pattern(text) : pattern.test(text);
    };
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!matches()) return;
        cleanup();
        resolve(this.since(since));
      };
      const timer = setTimeout(() => { cleanup(); reject(new Error(`timed out waiting for ${what}; the terminal shows:\n${this.since(since).slice(-3000)}`)); }, timeoutMs);
      const cleanup = () => { clearTimeout(timer); this.listeners.delete(check); };
      this.listeners.add(check);
      check();
    });
  }

  /** Types keys (bytes, in one write) and returns the mark just before them. */
  send(keys: string): number {
    const before = this.mark();
    this.child.stdin!.write(keys);
    return before;
  }

  /**
   * Types keys once and waits for what they must show. Keys are never typed again: the wizard
   * takes every key, whenever it arrives, so a key that seems lost is a bug to see, not to hide.
   */
  press(keys: string, pattern: RegExp | string, what: string): Promise<string> {
    const before = this.send(keys);
    return this.waitFor(pattern, what, before);
  }

  /** The plain text of the last frame the program drew (after its last full erase of the screen area). */
  lastScreen(): string {
    return plain(this.raw.slice(Math.max(0, this.raw.lastIndexOf('\u001b[2K'))));
  }

  kill(signal: NodeJS.Signals): void {
    if (this.pid === undefined) throw new Error('the program has not started');
    process.kill(this.pid, signal);
  }

  close(): void {
    this.child.stdin!.end();
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}
