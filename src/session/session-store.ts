/**
 * The saved wizard session: everything needed to rebuild the engine state exactly (facts,
 * preset answers, target, the user's inputs). Written synchronously and atomically after every
 * answer, so Ctrl-C, SIGTERM, a closed terminal or a crash can never lose more than the answer
 * being typed.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Input } from '../engine/engine.ts';
import type { AnswerValue, Facts } from '../engine/types.ts';
import type { ReportError, ReportTarget } from '../report/report-model.ts';

export const SESSION_FORMAT = 1;
export const SESSION_FILE = 'session.json';

export interface SavedSession {
  readonly format: typeof SESSION_FORMAT;
  readonly savedAt: string;
  readonly target: ReportTarget;
  readonly facts: Facts;
  readonly presetAnswers: Readonly<Record<string, AnswerValue>>;
  readonly inputs: readonly Input[];
  /** Flow the session started in, when not the entry flow. */
  readonly flow?: string;
  /** Facts that could not be read, kept for the report. */
  readonly errors?: readonly ReportError[];
}

export type LoadedSession =
  | { readonly kind: 'none' }
  | { readonly kind: 'saved'; readonly session: SavedSession }
  /** The file could not be used; it was renamed to `movedTo` so nothing is lost. */
  | { readonly kind: 'corrupt'; readonly reason: string; readonly movedTo: string };

export class SessionStore {
  readonly file: string;

  constructor(readonly dir: string, private readonly now: () => Date = () => new Date()) {
    this.file = join(dir, SESSION_FILE);
  }

  /** Writes to a temporary file and renames it over the old one: a reader sees the old or the new session, never half of one. */
  save(session: Omit<SavedSession, 'format' | 'savedAt'>): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const full: SavedSession = { format: SESSION_FORMAT, savedAt: this.now().toISOString(), ...session };
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(full, null, 2)}\n`, { mode: 0o600 });
    renameSync(temporary, this.file);
  }

  load(): LoadedSession {
    if (!existsSync(this.file)) return { kind: 'none' };
    let reason: string;
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
      const problem = checkShape(parsed);
      if (problem === undefined) return { kind: 'saved', session: parsed as SavedSession };
      reason = problem;
    } catch (error) {
      reason = (error as Error).message;
    }
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    const movedTo = `${this.file}.corrupt-${stamp}`;
    renameSync(this.file, movedTo);
    return { kind: 'corrupt', reason, movedTo };
  }

  /** Forgets the session (it ended normally). */
  clear(): void {
    rmSync(this.file, { force: true });
  }
}

function checkShape(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const session = value as Record<string, unknown>;
  if (session.format !== SESSION_FORMAT) return `unknown session format ${JSON.stringify(session.format)} (expected ${SESSION_FORMAT})`;
  if (typeof session.target !== 'object' || session.target === null) return 'the target is missing';
  if (typeof session.facts !== 'object' || session.facts === null) return 'the facts are missing';
  if (typeof session.presetAnswers !== 'object' || session.presetAnswers === null) return 'the preset answers are missing';
  if (!Array.isArray(session.inputs)) return 'the answers are missing';
  const bad = session.inputs.findIndex((input: unknown) => !isInput(input));
  if (bad >= 0) return `answer ${bad + 1} is malformed`;
  return undefined;
}

function isInput(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const input = value as Record<string, unknown>;
  if (input.type === 'answer') return typeof input.question === 'string' && 'value' in input;
  if (input.type === 'override') return typeof input.fact === 'string';
  return false;
}
