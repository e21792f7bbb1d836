/**
 * Running a generated bash script the way a customer would, with a stub `az` on PATH that records
 * every call's arguments (NUL-separated, one call per line) and changes nothing.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BASH = spawnSync('bash', ['-c', 'command -v bash'], { encoding: 'utf8' }).stdout.trim();

export interface ScriptRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The arguments of each `az` call, in order. */
  readonly azCalls: string[][];
}

export function runScript(script: string, args: readonly string[], input = '\n'.repeat(100)): ScriptRun {
  const dir = mkdtempSync(join(tmpdir(), 'vnet-doctor-script-'));
  try {
    const log = join(dir, 'az.log');
    const bin = join(dir, 'bin');
    spawnSync('mkdir', [bin]);
    writeFileSync(join(bin, 'az'), `#!${BASH}\nprintf '%s\\0' "$@" >> ${JSON.stringify(log)}\nprintf '\\n' >> ${JSON.stringify(log)}\n`);
    chmodSync(join(bin, 'az'), 0o755);
    writeFileSync(join(dir, 'runbook.sh'), script);
    const run = spawnSync(BASH, ['--norc', '--noprofile', join(dir, 'runbook.sh'), ...args], {
      env: { PATH: `${bin}:/usr/bin:/bin`, LC_ALL: 'C.UTF-8' }, encoding: 'utf8', input,
    });
    const azCalls = existsSync(log)
      ? readFileSync(log, 'utf8').split('\0\n').filter((line) => line !== '').map((line) => line.split('\0'))
      : [];
    return { status: run.status, stdout: run.stdout, stderr: run.stderr, azCalls };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function bashSyntaxError(script: string): string | undefined {
  const run = spawnSync(BASH, ['-n'], { input: script, encoding: 'utf8' });
  return run.status === 0 ? undefined : run.stderr;
}
